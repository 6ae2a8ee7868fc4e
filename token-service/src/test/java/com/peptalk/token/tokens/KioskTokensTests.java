package com.peptalk.token.tokens;

import com.peptalk.events.tokens.ApiTokenType;
import com.peptalk.testsupport.Http;
import com.peptalk.testsupport.ServiceTest;
import com.peptalk.tokencontracts.Introspection;
import com.peptalk.tokencontracts.KioskToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kiosk tokens over the internal API heartbeat-service calls: issued once per kiosk (repeating the call reveals the
 * same token), introspected as the kiosk and its one project, rotated and revoked like every token.
 */
@ServiceTest
class KioskTokensTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Directory directory;

    @BeforeEach
    void fixtures() {
        directory = new Directory(jdbc);
    }

    @Test
    void aRegisteredKioskGetsOneTokenThatIntrospectsAsTheKioskOfItsProject() {
        long company = directory.company();
        long project = directory.project(company);
        long kiosk = newKioskId();

        KioskToken first = ensure(kiosk, project);
        KioskToken again = ensure(kiosk, project);

        assertThat(first.token()).startsWith("ppt_ki_");
        assertThat(again).isEqualTo(first);
        assertThat(directory.activeTokens("Kiosk", kiosk)).isEqualTo(1);
        assertThat(introspect(first.token())).isEqualTo(Introspection.active(first.tokenId(), ApiTokenType.KIOSK,
                kiosk, company, List.of(project), null, null));
    }

    @Test
    void aRotatedKioskTokenIsReplacedAndARevokedOneStopsAtOnce() {
        long project = directory.project(directory.company());
        long kiosk = newKioskId();
        KioskToken original = ensure(kiosk, project);

        HttpResponse<String> rotated = post("/internal/tokens/kiosks/" + kiosk + "/rotate");
        KioskToken replacement = JSON.readValue(rotated.body(), KioskToken.class);
        assertThat(rotated.statusCode()).isEqualTo(200);
        assertThat(replacement.token()).isNotEqualTo(original.token());
        assertThat(introspect(replacement.token()).resourceId()).isEqualTo(kiosk);

        assertThat(post("/internal/tokens/kiosks/" + kiosk + "/revoke").statusCode()).isEqualTo(200);
        assertThat(introspect(replacement.token()).active()).isFalse();
        assertThat(introspect(original.token()).active()).isFalse();
    }

    @Test
    void aKioskOfAnArchivedProjectIsInactiveAndAnUnknownProjectOrKioskIsNotFound() {
        long project = directory.project(directory.company());
        long kiosk = newKioskId();
        KioskToken token = ensure(kiosk, project);
        jdbc.update("update projects set status = 'archived' where id = ?", project);

        assertThat(introspect(token.token()).active()).isFalse();
        assertThat(put(newKioskId(), project).statusCode()).isEqualTo(404);
        assertThat(put(newKioskId(), Long.MAX_VALUE).statusCode()).isEqualTo(404);
        assertThat(post("/internal/tokens/kiosks/" + newKioskId() + "/rotate").statusCode()).isEqualTo(404);
        assertThat(post("/internal/tokens/kiosks/0/revoke").statusCode()).isEqualTo(400);
    }

    private KioskToken ensure(long kiosk, long project) {
        HttpResponse<String> response = put(kiosk, project);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readValue(response.body(), KioskToken.class);
    }

    private HttpResponse<String> put(long kiosk, long project) {
        return Http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url("/internal/tokens/kiosks/" + kiosk)))
                .header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"projectId\":" + project + "}")).build());
    }

    private HttpResponse<String> post(String path) {
        return Http.post(url(path), "application/json", "", Map.of());
    }

    private Introspection introspect(String token) {
        HttpResponse<String> response = Http.post(url("/internal/tokens/introspect"), "application/json",
                JSON.writeValueAsString(Map.of("token", token)), Map.of());
        return JSON.readValue(response.body(), Introspection.class);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static long newKioskId() {
        return ThreadLocalRandom.current().nextLong(1, 1_000_000_000_000L);
    }
}
