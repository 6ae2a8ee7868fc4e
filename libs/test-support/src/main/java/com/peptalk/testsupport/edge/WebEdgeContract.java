package com.peptalk.testsupport.edge;

import com.peptalk.testsupport.GatewayIdentity;
import com.peptalk.testsupport.RawHttp;
import com.peptalk.web.edge.WebEdgeProperties;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the web edge (libs/web) promises, proven in every servlet service by a test class that extends this one
 * (annotated {@code @ServiceTest}): every failure before or outside a controller (the container's parsing of URLs,
 * queries, forms, bodies and headers; message conversion; missing handlers; oversize) gets a 4xx answer as problem
 * JSON on API routes or a readable page on page routes, with the security headers, never a 5xx; and no secret sent
 * in a bad request reaches the log, at any level, DEBUG of the web loggers included. A seeded fuzz of every route of
 * the service holds it to the same bar.
 */
@ExtendWith(OutputCaptureExtension.class)
public abstract class WebEdgeContract {

    /** The loggers that would print a request (line, query, parameters, parse errors) at DEBUG. */
    static final List<String> WEB_LOGGERS = List.of("org.springframework.web", "org.apache.tomcat", "org.apache.coyote",
            "org.apache.catalina", "org.springframework.boot.web", "com.peptalk", "org.springdoc");

    @LocalServerPort
    protected int port;

    @Autowired
    WebEdgeProperties edge;

    @Value("${spring.application.name}")
    String application;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    /** A token-shaped secret (the shape the log backstop masks). */
    protected final String tokenSecret = "ppt_pr_" + Base64.getUrlEncoder().withoutPadding()
            .encodeToString(new SecureRandom().generateSeed(32));
    /** A secret of no known shape: only never logging raw input keeps it out of the log. */
    protected final String opaqueSecret = "opaque" + UUID.randomUUID().toString().replace("-", "");

    /** A path of this service's JSON API (a list endpoint, say); defaults to one that does not exist. */
    protected String apiPath() {
        return "/api/edge-contract";
    }

    /** A path of one of this service's page routes, or {@code null} when it has none. */
    protected String pagePath() {
        return null;
    }

    /** A {@code POST} endpoint that reads a JSON body, or {@code null} when the service has none. */
    protected String jsonPostPath() {
        return null;
    }

    @Test
    void everyBadRequestGetsAProblemOrAPageAndNever5xx(CapturedOutput output) {
        List<HostileRequests.Hostile> requests = HostileRequests.classes(apiPath(), pagePath(), jsonPostPath(),
                tokenSecret, opaqueSecret);

        withWebLoggersAtDebug(() -> assertAnswers(requests));

        assertNoSecretIn(output);
    }

    @Test
    void aSeededFuzzOfEveryRouteGetsNo5xxAndLeaksNoSecret(CapturedOutput output) {
        long seed = Long.getLong("peptalk.fuzz.seed", 20261130L);
        int count = Integer.getInteger("peptalk.fuzz.requests", 250);
        List<String> routes = routes();
        List<HostileRequests.Hostile> requests = HostileRequests.fuzz(routes, seed, count, tokenSecret, opaqueSecret);

        withWebLoggersAtDebug(() -> assertAnswers(requests));

        assertNoSecretIn(output);
    }

    @Test
    void unknownAddressesAndWrongMethodsAreProblemsWithTheSecurityHeaders() {
        RawHttp.Answer unknown = RawHttp.send(port, "GET", apiPath() + "/nothing/here", admin(), null);
        RawHttp.Answer wrongMethod = RawHttp.send(port, "PATCH", "/actuator/health", "", new byte[0]);

        assertThat(unknown.status()).isEqualTo(404);
        assertAnsweredAsItsRouteAsks(apiPath(), unknown);
        assertSecurityHeaders(unknown);
        assertThat(wrongMethod.status()).isIn(404, 405);
        assertSecurityHeaders(wrongMethod);
    }

    @Test
    void bodiesOverTheLimitAre413WhateverTheFraming() {
        String path = jsonPostPath() == null ? apiPath() : jsonPostPath();
        byte[] large = ("{\"name\":\"" + "a".repeat((int) edge.maxRequestBytes().toBytes()) + "\"}").getBytes();

        RawHttp.Answer declared = RawHttp.send(port, "POST", path, "Content-Type: application/json\r\n" + admin(),
                large);
        RawHttp.Answer chunked = RawHttp.send(port, RawHttp.asAdmin(RawHttp.chunked("POST", path, "application/json",
                large)));

        assertThat(declared.status()).isEqualTo(413);
        assertAnsweredAsItsRouteAsks(path, declared);
        if (jsonPostPath() != null) {
            // only a handler that reads the body can find out that a chunked body is too large
            assertThat(chunked.status()).as(chunked.body()).isEqualTo(413);
            assertAnsweredAsItsRouteAsks(path, chunked);
        }
        else {
            assertThat(chunked.status()).isBetween(400, 499);
        }
    }

    @Test
    void oversizedRequestLinesAndHeadersKeepTheirStatusAsProblems() {
        RawHttp.Answer line = RawHttp.send(port, "GET", apiPath() + "?pad=" + "a".repeat(10_000), admin(), null);
        RawHttp.Answer headers = RawHttp.send(port, "GET", apiPath(), "X-Pad: " + "a".repeat(9_000) + "\r\n" + admin(),
                null);

        assertThat(line.status()).isEqualTo(414);
        assertAnsweredAsItsRouteAsks(apiPath(), line);
        assertThat(headers.status()).isEqualTo(431);
        assertAnsweredAsItsRouteAsks(apiPath(), headers);
        assertSecurityHeaders(line);
        assertSecurityHeaders(headers);
    }

    /** A path that needs the gateway's identity (by default {@link #apiPath()}). */
    protected String protectedPath() {
        return apiPath();
    }

    @Test
    void withoutTheGatewaysIdentityAProtectedPathIs401AndForgedIdentitiesToo() {
        String path = protectedPath();
        String audience = application;
        List<String> refused = List.of("", "Authorization: Bearer not-a-jwt\r\n",
                "Authorization: Bearer " + GatewayIdentity.tokenOfAnotherKey(audience) + "\r\n",
                "Authorization: Bearer " + GatewayIdentity.token(audience, "admin@test", GatewayIdentity.ISSUER,
                        Duration.ofSeconds(-120)) + "\r\n",
                "Authorization: Bearer " + GatewayIdentity.token("another-service", "admin@test",
                        GatewayIdentity.ISSUER, Duration.ofSeconds(60)) + "\r\n",
                "Authorization: Bearer " + GatewayIdentity.token(audience, "admin@test", "someone-else",
                        Duration.ofSeconds(60)) + "\r\n",
                "X-Admin-Subject: admin@example.com\r\n",
                "Authorization: Basic YWRtaW46YWRtaW4=\r\n");
        for (String credential : refused) {
            RawHttp.Answer answer = RawHttp.send(port, "GET", path, credential, null);
            assertThat(answer.status()).as("%s with [%s]: %s", path, credential.strip(), answer.body()).isEqualTo(401);
            assertThat(answer.header("www-authenticate")).startsWith("Bearer");
            assertAnsweredAsItsRouteAsks(path, answer);
            assertSecurityHeaders(answer);
        }
        RawHttp.Answer admitted = RawHttp.send(port, "GET", path, "Authorization: Bearer " + GatewayIdentity.token(
                audience, "admin@test", GatewayIdentity.ISSUER, Duration.ofSeconds(60)) + "\r\n", null);
        assertThat(admitted.status()).as(admitted.body()).isNotEqualTo(401);
        assertThat(RawHttp.get(port, "/actuator/health/liveness").status()).isEqualTo(200);
    }

    /** The request paths of the service's handlers, with their path variables in braces. */
    protected List<String> routes() {
        List<String> routes = mappings.getHandlerMethods().keySet().stream()
                .flatMap(info -> info.getPatternValues().stream())
                .map(pattern -> pattern.replace("/**", "/x").replace("**", "x"))
                .filter(pattern -> !pattern.equals("/error")).distinct().sorted().toList();
        // a service without handlers yet is fuzzed on its API prefix, where the edge alone answers
        return routes.isEmpty() ? List.of(apiPath(), apiPath() + "/{id}") : routes;
    }

    void assertAnswers(List<HostileRequests.Hostile> requests) {
        SoftAssertions softly = new SoftAssertions();
        for (HostileRequests.Hostile request : requests) {
            // as the gateway relays an admin, so that bad input reaches as far as it can
            RawHttp.Answer answer = RawHttp.send(port, RawHttp.asAdmin(request.bytes()));
            softly.assertThat(answer.status()).as(request.name() + " -> " + answer.status() + " " + abbreviate(answer
                    .body())).isBetween(100, 499);
            if (answer.status() >= 400 && !request.name().contains(" HEAD ")) {
                boolean page = edge.isPage(request.path()) && answer.isPage();
                softly.assertThat(answer.isProblem() || page).as(request.name() + " -> " + answer.status()
                        + " is a problem document or a page: " + answer.headers() + " " + abbreviate(answer.body()))
                        .isTrue();
                softly.assertThat(answer.header("x-content-type-options")).as(request.name() + " nosniff")
                        .isEqualTo("nosniff");
                softly.assertThat(answer.header("cache-control")).as(request.name() + " no-store")
                        .isEqualTo("no-store");
            }
            if (answer.status() >= 300 && answer.status() < 400 && answer.header("location") != null) {
                softly.assertThat(answer.header("location")).as(request.name() + " relative redirect")
                        .startsWith("/").doesNotStartWith("//");
            }
            softly.assertThat(answer.body()).as(request.name() + " echoes no secret")
                    .doesNotContain(tokenSecret).doesNotContain(opaqueSecret);
        }
        softly.assertAll();
    }

    /** A problem document on an API route (with a catalogue type), a readable page on a page route. */
    protected void assertAnsweredAsItsRouteAsks(String path, RawHttp.Answer answer) {
        if (edge.isPage(path)) {
            assertThat(answer.isPage()).as(answer.headers() + " " + answer.body()).isTrue();
        }
        else {
            assertThat(answer.isProblem()).as(answer.headers() + " " + answer.body()).isTrue();
            assertThat(answer.body()).contains("\"type\":\"https://peptalk.dev/problems/");
        }
    }

    void assertNoSecretIn(CapturedOutput output) {
        assertThat(output.getAll()).as("captured log").doesNotContain(tokenSecret).doesNotContain(opaqueSecret);
    }

    /** The header line that makes a request come from an admin through the gateway. */
    protected static String admin() {
        return "Authorization: " + GatewayIdentity.authorization() + "\r\n";
    }

    static void assertSecurityHeaders(RawHttp.Answer answer) {
        assertThat(answer.header("x-content-type-options")).isEqualTo("nosniff");
        assertThat(answer.header("cache-control")).isEqualTo("no-store");
        assertThat(answer.header("referrer-policy")).isEqualTo("no-referrer");
    }

    static void withWebLoggersAtDebug(Runnable action) {
        LoggingSystem logging = LoggingSystem.get(WebEdgeContract.class.getClassLoader());
        Map<String, LogLevel> before = new java.util.HashMap<>();
        for (String logger : WEB_LOGGERS) {
            var configuration = logging.getLoggerConfiguration(logger);
            before.put(logger, configuration == null ? null : configuration.getConfiguredLevel());
            logging.setLogLevel(logger, LogLevel.DEBUG);
        }
        try {
            action.run();
        }
        finally {
            before.forEach(logging::setLogLevel);
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

}
