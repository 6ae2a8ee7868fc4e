package com.peptalk.tracking.kiosks;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.peptalk.events.tokens.ApiTokenType;
import com.peptalk.tokencontracts.Introspection;
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
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * token-service's introspection endpoint ({@code POST /internal/tokens/introspect}) faked with WireMock, answering
 * with the contract's record: a kiosk token introspects as {@code resourceType: Kiosk}, the kiosk as
 * {@code resourceId} and its one project (as token-service answers, sample {@code docs/introspection/active-kiosk.json});
 * a token nobody minted is inactive. One server per test JVM; every test context points
 * {@code peptalk.token-client.url} at it (see {@code spring.factories}).
 */
public final class FakeTokenService {

    private static final String PATH = "/internal/tokens/introspect";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int PORT = freePort();
    private static final WireMockServer SERVER = new WireMockServer(options().port(PORT));
    private static final Map<String, UUID> TOKEN_IDS = new java.util.concurrent.ConcurrentHashMap<>();

    static {
        SERVER.start();
        SERVER.stubFor(post(PATH).atPriority(10).willReturn(json(Introspection.INACTIVE)));
        Runtime.getRuntime().addShutdownHook(new Thread(SERVER::stop, "fake-token-service-stop"));
    }

    static String url() {
        return "http://localhost:" + PORT;
    }

    /** An active kiosk token of {@code kioskId} in {@code projectId}. */
    static String kioskToken(long kioskId, long projectId) {
        String token = newToken("ki");
        UUID id = UUID.randomUUID();
        TOKEN_IDS.put(token, id);
        answer(token, Introspection.active(id, ApiTokenType.KIOSK, kioskId, 7, List.of(projectId),
                null, null));
        return token;
    }

    /** The id token-service gave the token (what {@code token.events} name it by). */
    static UUID tokenId(String token) {
        return TOKEN_IDS.get(token);
    }

    /** An active project token: a good token, but not a kiosk's. */
    static String projectToken(long projectId) {
        String token = newToken("pr");
        answer(token, Introspection.active(UUID.randomUUID(), ApiTokenType.PROJECT, projectId, 7, List.of(projectId),
                null, null));
        return token;
    }

    /** From now on token-service answers that the token is inactive (revoked). */
    static void revoke(String token) {
        answer(token, Introspection.INACTIVE);
    }

    /** A token whose introspection fails as if token-service were down. */
    static String unanswerableToken() {
        String token = newToken("ki");
        SERVER.stubFor(post(PATH).withRequestBody(matchingJsonPath("$.token", equalTo(token)))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        return token;
    }

    /** How many times the service asked about a token. */
    static int asked(String token) {
        return SERVER.countRequestsMatching(postRequestedFor(urlEqualTo(PATH))
                .withRequestBody(matchingJsonPath("$.token", equalTo(token))).build()).getCount();
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

    /** Points every test context of this service at the fake (the same customizer for all: one context). */
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
