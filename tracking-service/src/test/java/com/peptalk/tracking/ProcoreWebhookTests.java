package com.peptalk.tracking;

import com.peptalk.events.Topics;
import com.peptalk.events.procore.ProcoreResourceChanged;
import com.peptalk.testsupport.Http;
import com.peptalk.testsupport.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

@ServiceTest
class ProcoreWebhookTests {

    static final String AUTHORIZATION = "Bearer test-procore-secret-0123456789abcdef";
    static final String NEXT_AUTHORIZATION = "Bearer test-procore-secret-next-0123456789";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    static long resourceId() {
        return ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 2);
    }

    HttpResponse<String> post(String body, String authorization) {
        return Http.post("http://localhost:" + port + "/webhooks/procore", "application/json", body,
                authorization == null ? Map.of() : Map.of("Authorization", authorization));
    }

    static String hook(String ulid, long resourceId, String projectId, String userId) {
        return """
                {"id": 1234567, "ulid": "%s", "timestamp": "2026-11-30T10:11:12.345Z", "metadata": {}, "user_id": %s,
                 "company_id": "98765", "project_id": %s, "api_version": "v2", "event_type": "create",
                 "resource_name": "Observations", "resource_id": %d}
                """.formatted(ulid, userId, projectId, resourceId);
    }

    @Test
    void anAuthorizedWebhookPublishesTheChangeKeptAsProcoreNamesIt() {
        long resource = resourceId();

        HttpResponse<String> answer = post(hook(UUID.randomUUID().toString(), resource, "\"555\"", "77"), AUTHORIZATION);

        assertThat(answer.statusCode()).isEqualTo(200);
        ProcoreResourceChanged changed = Published.awaitEvent(Topics.PROCORE_WEBHOOK_EVENTS, "Observations:" + resource,
                ProcoreResourceChanged.class, event -> true);
        assertThat(changed.companyId()).isEqualTo(98765L);
        assertThat(changed.projectId()).isEqualTo(555L);
        assertThat(changed.eventType()).isEqualTo("create");
        assertThat(changed.occurredAt()).hasToString("2026-11-30T10:11:12.345Z");
    }

    @Test
    void theNextAuthorizationOfARotationIsAcceptedAndCompanyLevelResourcesHaveNoProject() {
        long resource = resourceId();

        assertThat(post(hook(UUID.randomUUID().toString(), resource, "null", "77"), NEXT_AUTHORIZATION).statusCode()).isEqualTo(200);

        assertThat(Published.awaitEvent(Topics.PROCORE_WEBHOOK_EVENTS, "Observations:" + resource,
                ProcoreResourceChanged.class, event -> true).projectId()).isNull();
    }

    @Test
    void aMissingOrWrongAuthorizationIsRefusedAndPublishesNothing() {
        long resource = resourceId();

        for (String authorization : new String[] {null, "Bearer wrong", AUTHORIZATION + "x", "bearer test-procore-secret-0123456789abcdef"}) {
            HttpResponse<String> answer = post(hook(UUID.randomUUID().toString(), resource, "1", "77"), authorization);
            assertThat(answer.statusCode()).isEqualTo(401);
            assertThat(answer.body()).contains("\"field\":\"Authorization\"");
        }
        assertThat(Published.outboxed(jdbc, "Observations:" + resource)).isEmpty();
    }

    @Test
    void theSameUlidTwiceIsPublishedOnceAndWithoutUlidTheIdDedupes() {
        long resource = resourceId();
        String body = hook(UUID.randomUUID().toString(), resource, "1", "77");
        String withoutUlid = """
                {"id": "%s", "company_id": 98765, "project_id": 1, "event_type": "update", "resource_name": "Observations", "resource_id": %d}
                """.formatted(UUID.randomUUID(), resource);

        post(body, AUTHORIZATION);
        post(body, AUTHORIZATION);
        post(withoutUlid, AUTHORIZATION);
        post(withoutUlid, AUTHORIZATION);

        assertThat(Published.outboxed(jdbc, "Observations:" + resource)).hasSize(2);
    }

    @Test
    void changesByOurOwnAppsUserAreLoggedButNotPublished() {
        long resource = resourceId();

        assertThat(post(hook(UUID.randomUUID().toString(), resource, "1", "\"4242\""), AUTHORIZATION).statusCode()).isEqualTo(200);

        assertThat(Published.outboxed(jdbc, "Observations:" + resource)).isEmpty();
        assertThat(Published.logged(jdbc, "\"resource_id\": " + resource)).singleElement().asString().contains("our own app's user");
    }

    @Test
    void malformedWebhooksAreRefusedNamingTheField() {
        assertThat(post("{\"id\":", AUTHORIZATION).statusCode()).isEqualTo(400);
        assertThat(post("{\"company_id\":1,\"event_type\":\"create\",\"resource_name\":\"X\",\"resource_id\":1}", AUTHORIZATION).body()).contains("\"field\":\"ulid\"");
        assertThat(post("{\"id\":1,\"company_id\":1,\"event_type\":\"explode\",\"resource_name\":\"X\",\"resource_id\":1}", AUTHORIZATION).body()).contains("\"field\":\"event_type\"");
        assertThat(post("{\"id\":1,\"company_id\":1.5,\"event_type\":\"create\",\"resource_name\":\"X\",\"resource_id\":1}", AUTHORIZATION).body()).contains("\"field\":\"company_id\"");
        assertThat(post("{\"id\":1,\"company_id\":1,\"event_type\":\"create\",\"resource_name\":\"X\",\"resource_id\":\"abc\"}", AUTHORIZATION).body()).contains("\"field\":\"resource_id\"");
        assertThat(post("{\"id\":1,\"company_id\":1,\"event_type\":\"create\",\"resource_id\":1}", AUTHORIZATION).body()).contains("\"field\":\"resource_name\"");
        assertThat(post("{\"id\":1,\"company_id\":1,\"project_id\":\"x\",\"event_type\":\"create\",\"resource_name\":\"X\",\"resource_id\":1}", AUTHORIZATION).body()).contains("\"field\":\"project_id\"");
    }
}
