package com.peptalk.tracking;

import com.peptalk.testsupport.Http;
import com.peptalk.testsupport.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@ServiceTest
class WebhookLogTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    String api(String pathAndQuery) {
        return "http://localhost:" + port + "/api/webhook-log" + pathAndQuery;
    }

    JsonNode get(String pathAndQuery) {
        HttpResponse<String> answer = Http.getAsAdmin(api(pathAndQuery));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    /** A refused Procore delivery whose payload carries {@code marker}. */
    void refusedDelivery(String marker) {
        assertThat(Http.post("http://localhost:" + port + "/webhooks/procore", "application/json",
                "{\"ulid\":\"" + marker + "\"}", Map.of("Authorization", "Bearer wrong")).statusCode()).isEqualTo(401);
    }

    @Test
    void pagesNewestFirstTwentyFiveAtATimeWithoutRepeatsOrGaps() {
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String marker = "page-" + UUID.randomUUID();
            refusedDelivery(marker);
            sent.addFirst(marker);
        }

        List<String> seen = new ArrayList<>();
        JsonNode page = get("?provider=procore&failures=true");
        assertThat(page.get("entries")).hasSize(25);
        while (true) {
            for (JsonNode entry : page.get("entries")) {
                assertThat(entry.get("failure").asBoolean()).isTrue();
                String payload = get("/" + entry.get("id").asString()).get("payload").asString();
                sent.stream().filter(payload::contains).forEach(seen::add);
            }
            if (page.get("next").isNull() || seen.size() == sent.size()) {
                break;
            }
            page = get("?provider=procore&failures=true&before=" + page.get("next").asString());
        }
        assertThat(seen).containsExactlyElementsOf(sent);
    }

    @Test
    void theDetailShowsTheRequestWithCredentialsMaskedAndOurAnswer() {
        String marker = "detail-" + UUID.randomUUID();
        refusedDelivery(marker);
        String id = jdbc.queryForObject("select id::text from webhook_log where payload like ?", String.class, "%" + marker + "%");

        JsonNode detail = get("/" + id);

        assertThat(detail.get("provider").asString()).isEqualTo("procore");
        assertThat(detail.get("status").asInt()).isEqualTo(401);
        assertThat(detail.get("requestHeaders").get("authorization").asString()).isEqualTo("****");
        assertThat(detail.get("payload").asString()).contains(marker);
        assertThat(detail.get("responseHeaders").get("Content-Type").asString()).isEqualTo("application/problem+json");
        assertThat(detail.get("responseBody").asString()).contains("Authorization");
        assertThat(detail.toString()).doesNotContain("Bearer wrong");
    }

    @Test
    void aReplayRunsTheStoredRequestThroughTheSameProcessingAndIsLoggedAsANewEntry() {
        UUID message = UUID.randomUUID();
        Providers.postTwilio(port, TwilioWebhookTests.statusPath(message), TwilioWebhookTests.status(TwilioWebhookTests.sid(), "delivered"), Providers.TWILIO_TOKEN);
        String original = jdbc.queryForObject("select id::text from webhook_log where query like ?", String.class, "%" + message + "%");
        String marker = "replay-" + UUID.randomUUID();
        refusedDelivery(marker);
        String refused = jdbc.queryForObject("select id::text from webhook_log where payload like ?", String.class, "%" + marker + "%");

        HttpResponse<String> again = Http.post(api("/" + original + "/replay"), "application/json", "", Http.admin());
        HttpResponse<String> stillRefused = Http.post(api("/" + refused + "/replay"), "application/json", "", Http.admin());

        assertThat(again.statusCode()).isEqualTo(201);
        JsonNode replay = JSON.readTree(again.body());
        assertThat(replay.get("replayOf").asString()).isEqualTo(original);
        assertThat(replay.get("status").asInt()).isEqualTo(200);
        assertThat(replay.get("outcome").asString()).contains("duplicate");
        assertThat(Published.outboxed(jdbc, message.toString())).hasSize(1);
        assertThat(JSON.readTree(stillRefused.body()).get("status").asInt()).isEqualTo(401);
    }

    @Test
    void badQueriesAndUnknownEntriesAreProblemsNamingTheField() {
        HttpResponse<String> provider = Http.getAsAdmin(api("?provider=fax"));
        HttpResponse<String> before = Http.getAsAdmin(api("?before=" + UUID.randomUUID()));
        HttpResponse<String> notAnId = Http.getAsAdmin(api("?before=yesterday"));
        HttpResponse<String> unknown = Http.getAsAdmin(api("/" + UUID.randomUUID()));
        HttpResponse<String> replayUnknown = Http.post(api("/" + UUID.randomUUID() + "/replay"), "application/json", "", Http.admin());

        assertThat(provider.statusCode()).isEqualTo(400);
        assertThat(provider.body()).contains("\"field\":\"provider\"");
        assertThat(before.body()).contains("\"field\":\"before\"");
        assertThat(notAnId.statusCode()).isEqualTo(400);
        assertThat(notAnId.body()).contains("before");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(replayUnknown.statusCode()).isEqualTo(404);
    }

    @Test
    void requestsTheWebEdgeRefusesBeforeAnyProviderReadsThemAreLoggedToo() {
        String marker = UUID.randomUUID().toString();

        HttpResponse<String> oversized = Http.post("http://localhost:" + port + "/webhooks/procore?marker=" + marker,
                "application/json", "{\"pad\":\"" + "x".repeat(70_000) + "\"}", Map.of());
        HttpResponse<String> wrongMethod = Http.get("http://localhost:" + port + "/webhooks/ses?marker=" + marker);

        assertThat(oversized.statusCode()).isEqualTo(413);
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(jdbc.queryForList("select provider || ' ' || response_status || ' ' || failure from webhook_log where query like ? order by received_at",
                String.class, "%" + marker + "%")).containsExactly("procore 413 true", "ses 405 true");
    }

    @Test
    void theLogNeedsTheGatewaysIdentity() {
        assertThat(Http.get(api("")).statusCode()).isEqualTo(401);
        assertThat(Http.get("http://localhost:" + port + "/webhook-log").statusCode()).isEqualTo(401);
    }
}
