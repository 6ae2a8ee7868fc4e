package com.peptalk.systemtest;

import com.peptalk.testsupport.RawHttp;
import com.peptalk.testsupport.edge.HostileRequests;
import org.assertj.core.api.SoftAssertions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The web edge contract through the gateway of the running stack: each class of bad input and a seeded fuzz of every
 * public route, with and without the admin key, gets no 5xx, every 4xx is a problem document or a page, and no
 * secret sent (an API-token-shaped one, one of no known shape, the admin key itself) is in any answer or in any log
 * of the stack (every service, the gateway, Kafka, PostgreSQL).
 */
final class GatewayEdge {

    /** The gateway's public routes (gateway-service application.yml), with a path variable where a route has one. */
    static final List<String> ROUTES = List.of("/integrations/procore/iframe", "/integrations/procore/assets/x",
            "/admin/projects", "/admin/project_groups/{id}/procore", "/api/directory/companies",
            "/api/directory/projects/{id}", "/api/directory/project-groups/{id}/projects", "/api/tokens/{id}/rotate",
            "/api/automation/workflows", "/api/messages/{id}", "/api/suppressions", "/webhooks/ses",
            "/webhooks/twilio/status", "/t/o/{id}", "/api/kiosks/heartbeats", "/api/webhook-log",
            "/heartbeats/{id}", "/api/heartbeats", "/nothing-routed-here");

    final String tokenSecret = "ppt_pr_" + Base64.getUrlEncoder().withoutPadding()
            .encodeToString(new SecureRandom().generateSeed(32));
    final String opaqueSecret = "opaque" + UUID.randomUUID().toString().replace("-", "");

    private final int port;
    private final String adminKey;

    GatewayEdge(int port, String adminKey) {
        this.port = port;
        this.adminKey = adminKey;
    }

    /**
     * Sends every request (anonymous, then with the admin key) and asserts on each answer, and on the logs of the
     * stack afterwards (both reported together).
     */
    void assertEveryBadRequestIsAnswered(long seed, int fuzzCount, Path logs) {
        List<HostileRequests.Hostile> requests = new ArrayList<>(HostileRequests.classes("/api/directory/companies",
                "/integrations/procore/iframe", "/api/directory/companies", tokenSecret, opaqueSecret));
        requests.addAll(HostileRequests.fuzz(ROUTES, seed, fuzzCount, tokenSecret, opaqueSecret));
        SoftAssertions softly = new SoftAssertions();
        for (HostileRequests.Hostile request : requests) {
            check(softly, request.name(), request.bytes());
            check(softly, request.name() + " (as admin)", withAdminKey(request.bytes()));
        }
        assertNoSecretInLogs(softly, logs);
        softly.assertAll();
    }

    private void check(SoftAssertions softly, String name, byte[] bytes) {
        RawHttp.Answer answer = RawHttp.send(port, bytes);
        // the gateway refuses methods it does not know with 501 Not Implemented (RFC 9110 §15.6.2), issue 8
        boolean invented = new String(bytes, 0, Math.min(bytes.length, 8), StandardCharsets.ISO_8859_1)
                .startsWith("MFOO1 ");
        softly.assertThat(answer.status()).as("%s -> %d %s", name, answer.status(), abbreviate(answer.body()))
                .isBetween(100, invented ? 501 : 499);
        if (answer.status() >= 400 && !name.contains(" HEAD ")) {
            softly.assertThat(answer.isProblem() || answer.isPage()).as("%s -> %d is a problem or a page: %s %s",
                    name, answer.status(), answer.headers(), abbreviate(answer.body())).isTrue();
            softly.assertThat(answer.header("x-content-type-options")).as("%s nosniff", name).isEqualTo("nosniff");
        }
        softly.assertThat(answer.body() + answer.headers()).as("%s echoes no secret", name)
                .doesNotContain(tokenSecret).doesNotContain(opaqueSecret).doesNotContain(adminKey);
    }

    /** No secret of this test in any log file of the stack. */
    private void assertNoSecretInLogs(SoftAssertions softly, Path logs) {
        try (Stream<Path> files = Files.list(logs)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(file, StandardCharsets.ISO_8859_1);
                softly.assertThat(text).as("log %s", file.getFileName()).doesNotContain(tokenSecret)
                        .doesNotContain(opaqueSecret).doesNotContain(adminKey);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private byte[] withAdminKey(byte[] request) {
        return RawHttp.withHeader(request, "Authorization: Bearer " + adminKey);
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
