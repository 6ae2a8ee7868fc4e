package com.peptalk.tracking.kiosks;

import com.peptalk.events.Topics;
import com.peptalk.events.kiosk.KioskHeartbeatReceived;
import com.peptalk.events.runtime.EventPublisher;
import com.peptalk.events.tokens.ApiTokenRevoked;
import com.peptalk.events.tokens.ApiTokenType;
import com.peptalk.testsupport.EventProbe;
import com.peptalk.testsupport.FakeTokenService;
import com.peptalk.testsupport.Http;
import com.peptalk.testsupport.ServiceTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code POST /api/kiosks/heartbeats}: a kiosk, authenticated by its token (introspection, cached, evicted on
 * revocation), posts one heartbeat or a batch; good ones are published to kiosk.heartbeats as its own, bad ones are
 * named by index and field while the good ones are kept; other kiosks, other tokens and bad input are refused.
 */
@ServiceTest
@ExtendWith(OutputCaptureExtension.class)
class KioskHeartbeatIngestTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(30);

    static EventProbe probe;

    @LocalServerPort
    int port;

    @Autowired
    EventPublisher publisher;

    @BeforeAll
    static void listen() {
        probe = EventProbe.listen(Topics.KIOSK_HEARTBEATS);
    }

    @AfterAll
    static void close() {
        probe.close();
    }

    @Test
    void aKioskPostsAHeartbeatAndItIsPublishedAsItsOwnWithItsProject() {
        long kiosk = newKioskId();
        String token = FakeTokenService.kioskToken(kiosk, 42);
        Instant sentAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        HttpResponse<String> response = post(token, """
                {"sentAt": "%s", "appVersion": "3.4.1", "batteryPercent": 87, "network": "wifi", "signalBars": 3}
                """.formatted(sentAt));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(JSON.readTree(response.body()).get("accepted").asInt()).isEqualTo(1);
        KioskHeartbeatReceived published = (KioskHeartbeatReceived) probe.awaitEvent(
                event -> event.event() instanceof KioskHeartbeatReceived beat && beat.kioskId().equals(Long.toString(kiosk)),
                WAIT).event();
        assertThat(published).isEqualTo(new KioskHeartbeatReceived(Long.toString(kiosk), 42, sentAt, "3.4.1", 87,
                "wifi", 3));
    }

    @Test
    void aBatchWithBadItemsKeepsTheGoodOnesAndNamesEachBadOneByIndexAndField() {
        long kiosk = newKioskId();
        String token = FakeTokenService.kioskToken(kiosk, 43);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        HttpResponse<String> response = post(token, """
                {"heartbeats": [
                  {"sentAt": "%1$s", "appVersion": "3.4.1"},
                  {"sentAt": "%2$s", "appVersion": "3.4.1", "batteryPercent": 101},
                  {"sentAt": "%2$s", "appVersion": "3.4.1", "kioskId": "%3$d"},
                  {"sentAt": "%4$s", "appVersion": "3.4.1", "network": "wifi", "kioskId": "%5$d"}
                ]}""".formatted(now.minusSeconds(120), now.minusSeconds(60), kiosk + 1, now, kiosk));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.get("accepted").asInt()).isEqualTo(2);
        assertThat(answer.get("rejected").asInt()).isEqualTo(2);
        assertThat(answer.get("results").get(1).get("errors").get(0).get("field").asString())
                .isEqualTo("heartbeats[1].batteryPercent");
        assertThat(answer.get("results").get(2).get("errors").get(0).get("field").asString())
                .isEqualTo("heartbeats[2].kioskId");
        assertThat(answer.get("results").get(3).get("status").asString()).isEqualTo("accepted");
        probe.awaitEvent(event -> event.event() instanceof KioskHeartbeatReceived beat
                && beat.kioskId().equals(Long.toString(kiosk)) && beat.sentAt().equals(now), WAIT);
        assertThat(probe.seen().stream().filter(record -> Long.toString(kiosk).equals(record.key()))).hasSize(2);
    }

    @Test
    void badHeartbeatsAreRefusedNamingEachField() {
        String token = FakeTokenService.kioskToken(newKioskId(), 42);
        Instant now = Instant.now();

        JsonNode future = problem(post(token, "{\"sentAt\": \"" + now.plus(Duration.ofHours(1))
                + "\", \"appVersion\": \"3.4.1\", \"network\": \"5g\", \"signalBars\": 5}"), 400);
        assertThat(future.get("errors").toString()).contains("\"sentAt\"", "\"network\"", "\"signalBars\"");
        assertThat(problem(post(token, "{\"sentAt\": \"" + now.minus(Duration.ofDays(30)) + "\", \"appVersion\": \"3\"}"),
                400).get("errors").toString()).contains("\"sentAt\"");
        assertThat(problem(post(token, "{\"sentAt\": \"" + now + "\"}"), 400).get("errors").toString())
                .contains("\"appVersion\"");
        assertThat(problem(post(token, "{\"sentAt\": \"" + now + "\", \"appVersion\": \"3\", \"temperature\": 40}"),
                400).get("errors").toString()).contains("temperature");
        assertThat(problem(post(token, "{\"sentAt\": \"yesterday\", \"appVersion\": \"3\"}"), 400)
                .get("errors").toString()).contains("sentAt");
        assertThat(problem(post(token, "{\"heartbeats\": []}"), 400).get("errors").toString()).contains("heartbeats");
        assertThat(problem(post(token, "[1, 2]"), 400).get("status").asInt()).isEqualTo(400);
        assertThat(problem(post(token, "{\"sentAt\": "), 400).get("status").asInt()).isEqualTo(400);
    }

    @Test
    void onlyAnActiveKioskTokenMayPostAndOnlyForItsOwnKiosk() {
        long kiosk = newKioskId();
        String token = FakeTokenService.kioskToken(kiosk, 42);
        String body = "{\"sentAt\": \"" + Instant.now() + "\", \"appVersion\": \"3.4.1\"}";

        HttpResponse<String> anonymous = Http.post(url(), "application/json", body, Map.of());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                value -> assertThat(value).startsWith("Bearer"));
        assertThat(post("ppt_ki_" + "A".repeat(43), body).statusCode()).isEqualTo(401);
        assertThat(post(FakeTokenService.projectToken(42), body).statusCode()).isEqualTo(403);
        assertThat(problem(post(token, "{\"kioskId\": \"" + (kiosk + 1) + "\", \"sentAt\": \"" + Instant.now()
                + "\", \"appVersion\": \"3.4.1\"}"), 403).get("detail").asString()).contains("only report for itself");
        assertThat(post(FakeTokenService.unanswerableToken(), body).statusCode()).isEqualTo(503);
    }

    @Test
    void theTokensAnswerIsCachedUntilTheTokenIsRevoked() {
        long kiosk = newKioskId();
        String token = FakeTokenService.kioskToken(kiosk, 42);
        String body = "{\"sentAt\": \"" + Instant.now() + "\", \"appVersion\": \"3.4.1\"}";
        assertThat(post(token, body).statusCode()).isEqualTo(202);
        assertThat(post(token, body).statusCode()).isEqualTo(202);
        assertThat(FakeTokenService.asked(token)).isEqualTo(1);

        FakeTokenService.revoke(token);
        publisher.publish(new ApiTokenRevoked(FakeTokenService.tokenId(token), ApiTokenType.KIOSK, "Kiosk", kiosk))
                .join();

        await().atMost(WAIT).until(() -> post(token, body).statusCode() == 401);
    }

    @Test
    void aKioskTokenNeverAppearsInTheLogsWhateverIsWrongWithThePost(CapturedOutput output) {
        String token = FakeTokenService.kioskToken(newKioskId(), 42);
        String revoked = FakeTokenService.kioskToken(newKioskId(), 42);
        FakeTokenService.revoke(revoked);
        post(token, "{\"sentAt\": \"" + token + "\", \"appVersion\": \"" + token + "\"}");
        assertThat(post(token, "{\"" + token + "\": 1}").body()).doesNotContain(token);
        post(token, "{not json " + token);
        post(revoked, "{}");
        post(FakeTokenService.unanswerableToken(), "{}");

        assertThat(output.getAll()).doesNotContain(token).doesNotContain(revoked)
                .doesNotContain(token.substring(7, 30));
    }

    private HttpResponse<String> post(String token, String body) {
        return Http.post(url(), "application/json", body, Map.of("Authorization", "Bearer " + token));
    }

    private String url() {
        return "http://localhost:" + port + "/api/kiosks/heartbeats";
    }

    private static JsonNode problem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        return JSON.readTree(response.body());
    }

    private static long newKioskId() {
        return ThreadLocalRandom.current().nextLong(1000, 1_000_000_000_000L);
    }
}
