package com.peptalk.heartbeat.kiosks;

import com.peptalk.heartbeat.FakeTokenService;
import com.peptalk.testsupport.GatewayIdentity;
import com.peptalk.testsupport.Http;
import com.peptalk.testsupport.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin registers kiosks, one or in bulk, and gets each one's token from token-service (faked by
 * {@link FakeTokenService}); rotates and revokes it. A refused registration registers nothing, and the token is
 * never stored here.
 */
@ServiceTest
class KioskRegistrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aRegisteredKioskIsNewAndItsTokenIsShownOnceAndNeverStoredHere() {
        String name = "Gate " + UUID.randomUUID();
        HttpResponse<String> response = post("/api/heartbeats/kiosks", "{\"projectId\": 42, \"name\": \"" + name + "\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode kiosk = JSON.readTree(response.body());
        String kioskId = kiosk.get("kioskId").asString();
        assertThat(response.headers().firstValue("Location")).contains("/api/heartbeats/kiosks/" + kioskId);
        assertThat(kiosk.get("token").asString()).startsWith("ppt_ki_")
                .isEqualTo(FakeTokenService.activeToken(kioskId).token());
        assertThat(jdbc.queryForMap("select project_id, name, status, last_seen_at from kiosks where kiosk_id = ?",
                kioskId)).containsEntry("project_id", 42L).containsEntry("name", name).containsEntry("status", "NEW")
                .containsEntry("last_seen_at", null);
        assertThat(jdbc.queryForObject("select count(*) from kiosks where kiosks::text like ?", Integer.class,
                "%" + kiosk.get("token").asString() + "%")).isZero();
    }

    @Test
    void aBulkRegistrationRegistersEveryKioskOrNoneNamingTheItemAtFault() {
        String prefix = "Bulk " + UUID.randomUUID();
        HttpResponse<String> created = post("/api/heartbeats/kiosks/bulk", """
                {"kiosks": [{"projectId": 7, "name": "%1$s a"}, {"projectId": 7, "name": "%1$s b"},
                            {"projectId": 8, "name": "%1$s c"}]}""".formatted(prefix));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(JSON.readTree(created.body()).get("kiosks")).hasSize(3)
                .allSatisfy(kiosk -> assertThat(kiosk.get("token").asString()).startsWith("ppt_ki_"));

        String refusedPrefix = "Refused " + UUID.randomUUID();
        HttpResponse<String> refused = post("/api/heartbeats/kiosks/bulk", """
                {"kiosks": [{"projectId": 7, "name": "%1$s a"}, {"projectId": %2$d, "name": "%1$s b"}]}"""
                .formatted(refusedPrefix, FakeTokenService.UNKNOWN_PROJECT));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(refused.body()).get("errors").get(0).get("field").asString())
                .isEqualTo("kiosks[1].projectId");
        assertThat(kiosksNamed(prefix)).isEqualTo(3);
        assertThat(kiosksNamed(refusedPrefix)).isZero();
    }

    @Test
    void invalidRegistrationsAreRefusedNamingTheField() {
        HttpResponse<String> blank = post("/api/heartbeats/kiosks", "{\"projectId\": 42, \"name\": \"  \"}");
        HttpResponse<String> noProject = post("/api/heartbeats/kiosks", "{\"name\": \"Gate\"}");
        HttpResponse<String> empty = post("/api/heartbeats/kiosks/bulk", "{\"kiosks\": []}");

        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(blank.body()).contains("\"name\"");
        assertThat(noProject.statusCode()).isEqualTo(400);
        assertThat(noProject.body()).contains("\"projectId\"");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("\"kiosks\"");
    }

    @Test
    void whenTokenServiceIsDownNothingIsRegisteredAndTheAnswerSaysTryAgain() {
        String name = "Unreachable " + UUID.randomUUID();
        HttpResponse<String> response = post("/api/heartbeats/kiosks",
                "{\"projectId\": " + FakeTokenService.UNREACHABLE_PROJECT + ", \"name\": \"" + name + "\"}");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("service-unavailable");
        assertThat(kiosksNamed(name)).isZero();
    }

    @Test
    void aKiosksTokenIsRotatedAndRevokedThroughTokenService() {
        JsonNode kiosk = JSON.readTree(post("/api/heartbeats/kiosks",
                "{\"projectId\": 42, \"name\": \"Rotating " + UUID.randomUUID() + "\"}").body());
        String kioskId = kiosk.get("kioskId").asString();

        HttpResponse<String> rotated = post("/api/heartbeats/kiosks/" + kioskId + "/token/rotate", "");
        assertThat(rotated.statusCode()).isEqualTo(200);
        String replacement = JSON.readTree(rotated.body()).get("token").asString();
        assertThat(replacement).isNotEqualTo(kiosk.get("token").asString())
                .isEqualTo(FakeTokenService.activeToken(kioskId).token());

        assertThat(post("/api/heartbeats/kiosks/" + kioskId + "/token/revoke", "").statusCode()).isEqualTo(204);
        assertThat(FakeTokenService.activeToken(kioskId)).isNull();
        assertThat(post("/api/heartbeats/kiosks/" + kioskId + "/token/rotate", "").statusCode()).isEqualTo(404);
        assertThat(post("/api/heartbeats/kiosks/424242424242/token/rotate", "").statusCode()).isEqualTo(404);
        assertThat(post("/api/heartbeats/kiosks/not-a-kiosk/token/revoke", "").statusCode()).isEqualTo(404);
    }

    private int kiosksNamed(String prefix) {
        return jdbc.queryForObject("select count(*) from kiosks where name like ?", Integer.class, prefix + "%");
    }

    private HttpResponse<String> post(String path, String body) {
        return Http.post("http://localhost:" + port + path, "application/json", body,
                Map.of("Authorization", GatewayIdentity.authorization()));
    }
}
