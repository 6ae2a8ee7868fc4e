package com.peptalk.iframe;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.peptalk.events.tokens.ApiTokenType;
import com.peptalk.tokencontracts.Introspection;
import com.peptalk.tokencontracts.ProcoreApp;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * token-service's introspection endpoint ({@code POST /internal/tokens/introspect}, body {@code {"token": …}}), faked
 * with WireMock: one server per test JVM on a port chosen once, so it can be stopped and started again where the
 * service expects it. Every token a test mints is random, so tests never see each other's answers; a token nobody
 * minted is inactive, as token-service answers for an unknown, revoked or expired one. Answers are the contract's
 * record ({@code peptalk-token-contracts}) written as JSON, so they have exactly token-service's shape.
 */
final class FakeTokenService {

    private static final String PATH = "/internal/tokens/introspect";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int PORT = freePort();
    private static final WireMockServer SERVER = new WireMockServer(options().port(PORT));

    static {
        SERVER.start();
        SERVER.stubFor(post(PATH).atPriority(10).willReturn(json(Introspection.INACTIVE)));
        Runtime.getRuntime().addShutdownHook(new Thread(SERVER::stop, "fake-token-service-stop"));
    }

    static String url() {
        return "http://localhost:" + PORT;
    }

    /** A project's token, as "View Procore Report" shows it. */
    static String projectToken(long projectId) {
        return active("pr", ApiTokenType.PROJECT, projectId, ProcoreApp.project(projectId), projectId);
    }

    /** A project group's token, as "Open Procore" shows it; it may see the group's projects. */
    static String groupToken(long groupId, long... projectIds) {
        return active("pg", ApiTokenType.PROJECT_GROUP, groupId, ProcoreApp.projectList(), projectIds);
    }

    /** A company's token: active, but not one the Procore app opens with. */
    static String companyToken(long companyId, long... projectIds) {
        return active("co", ApiTokenType.COMPANY, companyId, null, projectIds);
    }

    /** A well-formed token token-service does not know (or has revoked: the answer is the same). */
    static String unknownToken() {
        return newToken("pr");
    }

    /** A token whose introspection fails as if token-service were down. */
    static String unanswerableToken() {
        String token = newToken("pg");
        SERVER.stubFor(post(PATH).withRequestBody(matchingJsonPath("$.token", equalTo(token)))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        return token;
    }

    /** How many times the service asked about a token. */
    static int asked(String token) {
        return SERVER.countRequestsMatching(postRequestedFor(urlEqualTo(PATH))
                .withRequestBody(matchingJsonPath("$.token", equalTo(token))).build()).getCount();
    }

    static void stop() {
        SERVER.stop();
    }

    /** Starts again on the same port, with the same answers. */
    static void start() {
        if (!SERVER.isRunning()) {
            SERVER.start();
        }
    }

    /** An active answer, written by the contract's record as token-service writes it. */
    private static String active(String prefix, ApiTokenType type, long resourceId, ProcoreApp app,
            long... projectIds) {
        String token = newToken(prefix);
        Introspection answer = Introspection.active(UUID.randomUUID(), type, resourceId, 7,
                Arrays.stream(projectIds).boxed().toList(), null, app);
        SERVER.stubFor(post(PATH).withRequestBody(matchingJsonPath("$.token", equalTo(token))).willReturn(json(answer)));
        return token;
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(Introspection answer) {
        return aResponse().withHeader("Content-Type", "application/json").withBody(JSON.writeValueAsString(answer));
    }

    private static String newToken(String prefix) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return "ppt_" + prefix + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private FakeTokenService() {
    }
}
