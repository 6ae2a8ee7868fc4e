package com.peptalk.testsupport;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.peptalk.events.tokens.ApiTokenType;
import com.peptalk.tokencontracts.Introspection;
import com.peptalk.tokencontracts.ProcoreApp;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * token-service's introspection endpoint ({@code POST /internal/tokens/introspect}, body {@code {"token": …}}), faked
 * with WireMock for the services that introspect tokens (libs/token-client): one server per test JVM on a port chosen
 * once, so it can be stopped and started again where the service expects it. Every token a test mints is random, so
 * tests never see each other's answers; a token nobody minted is inactive, as token-service answers for an unknown,
 * revoked or expired one. Answers are the contract's record ({@code peptalk-token-contracts},
 * {@code docs/introspection/}) written as JSON, so they have exactly token-service's shape.
 * <p>
 * Point a service at it with {@code peptalk.token-client.url} = {@link #url()}: from a {@code @DynamicPropertySource},
 * or for every test context at once by registering {@link ContextCustomizerFactory} in the service's test
 * {@code META-INF/spring.factories}. Needs {@code wiremock-standalone} and {@code peptalk-token-contracts} on the
 * test class path (optional dependencies of this library).
 */
public final class FakeTokenService {

    private static final String PATH = "/internal/tokens/introspect";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int PORT = freePort();
    private static final WireMockServer SERVER = new WireMockServer(options().port(PORT));
    private static final Map<String, UUID> TOKEN_IDS = new ConcurrentHashMap<>();

    static {
        SERVER.start();
        SERVER.stubFor(post(PATH).atPriority(10).willReturn(json(Introspection.INACTIVE)));
        Runtime.getRuntime().addShutdownHook(new Thread(SERVER::stop, "fake-token-service-stop"));
    }

    /** The fake's base URL, for {@code peptalk.token-client.url}. */
    public static String url() {
        return "http://localhost:" + PORT;
    }

    /** A project's token, as "View Procore Report" shows it. */
    public static String projectToken(long projectId) {
        return active("pr", ApiTokenType.PROJECT, projectId, ProcoreApp.project(projectId), projectId);
    }

    /** A project group's token, as "Open Procore" shows it; it may see the group's projects. */
    public static String groupToken(long groupId, long... projectIds) {
        return active("pg", ApiTokenType.PROJECT_GROUP, groupId, ProcoreApp.projectList(), projectIds);
    }

    /** A company's token: active, but not one the Procore app opens with. */
    public static String companyToken(long companyId, long... projectIds) {
        return active("co", ApiTokenType.COMPANY, companyId, null, projectIds);
    }

    /** A kiosk's token: the kiosk as {@code resourceId}, its one project (sample {@code active-kiosk.json}). */
    public static String kioskToken(long kioskId, long projectId) {
        return active("ki", ApiTokenType.KIOSK, kioskId, null, projectId);
    }

    /** A well-formed token token-service does not know (or has revoked: the answer is the same). */
    public static String unknownToken() {
        return newToken("pr");
    }

    /** A token whose introspection fails as if token-service were down. */
    public static String unanswerableToken() {
        String token = newToken("pg");
        SERVER.stubFor(post(PATH).withRequestBody(matchingJsonPath("$.token", equalTo(token)))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        return token;
    }

    /** From now on token-service answers that the token is inactive (revoked). */
    public static void revoke(String token) {
        answer(token, Introspection.INACTIVE);
    }

    /** The id token-service gave an active token this fake minted (what {@code token.events} name it by). */
    public static UUID tokenId(String token) {
        return TOKEN_IDS.get(token);
    }

    /** How many times the service asked about a token. */
    public static int asked(String token) {
        return SERVER.countRequestsMatching(postRequestedFor(urlEqualTo(PATH))
                .withRequestBody(matchingJsonPath("$.token", equalTo(token))).build()).getCount();
    }

    /** Stops answering, as a token-service that is down. */
    public static void stop() {
        SERVER.stop();
    }

    /** Starts again on the same port, with the same answers. */
    public static void start() {
        if (!SERVER.isRunning()) {
            SERVER.start();
        }
    }

    /** An active answer, written by the contract's record as token-service writes it. */
    private static String active(String prefix, ApiTokenType type, long resourceId, ProcoreApp app,
            long... projectIds) {
        String token = newToken(prefix);
        UUID id = UUID.randomUUID();
        TOKEN_IDS.put(token, id);
        answer(token, Introspection.active(id, type, resourceId, 7, Arrays.stream(projectIds).boxed().toList(), null,
                app));
        return token;
    }

    private static void answer(String token, Introspection answer) {
        SERVER.stubFor(post(PATH).withRequestBody(matchingJsonPath("$.token", equalTo(token))).willReturn(json(answer)));
    }

    private static ResponseDefinitionBuilder json(Introspection answer) {
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

    /** Points every test context of a service at the fake (the same customizer for all: one context). */
    public static final class ContextCustomizerFactory implements org.springframework.test.context.ContextCustomizerFactory {

        @Override
        public ContextCustomizer createContextCustomizer(Class<?> testClass,
                List<ContextConfigurationAttributes> configAttributes) {
            return new PointAtTheFake();
        }
    }

    private record PointAtTheFake() implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("fake-token-service",
                    Map.of("peptalk.token-client.url", url())));
        }
    }

    private FakeTokenService() {
    }
}
