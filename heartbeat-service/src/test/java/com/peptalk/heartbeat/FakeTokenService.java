package com.peptalk.heartbeat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.peptalk.tokencontracts.KioskToken;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * token-service's internal kiosk token API ({@code /internal/tokens/kiosks/{kioskId}}: PUT ensure, POST rotate and
 * revoke), faked with WireMock and answering as token-service does: one active token per kiosk (asked again, the same
 * one), a 404 for a project it does not know ({@link #UNKNOWN_PROJECT} and above) or a kiosk it never issued for.
 * Project {@link #UNREACHABLE_PROJECT} resets the connection, as a token-service that is down. One server per test
 * JVM; every test context points {@code peptalk.heartbeats.token-service-url} at it (see {@code spring.factories}).
 */
public final class FakeTokenService {

    /** Projects from this id on are unknown to token-service. */
    public static final long UNKNOWN_PROJECT = 900_000_000_000L;
    /** Asking a token for a kiosk of this project fails as if token-service were down. */
    public static final long UNREACHABLE_PROJECT = 666;

    private static final Pattern PATH = Pattern.compile("/internal/tokens/kiosks/(\\d+)(/rotate|/revoke)?");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Map<Long, KioskToken> ACTIVE = new ConcurrentHashMap<>();
    private static final Map<Long, Long> PROJECTS = new ConcurrentHashMap<>();
    private static final int PORT = freePort();
    private static final WireMockServer SERVER = new WireMockServer(options().port(PORT).extensions(new Kiosks()));

    static {
        SERVER.start();
        SERVER.stubFor(any(urlPathMatching("/internal/tokens/kiosks/.*"))
                .willReturn(aResponse().withTransformers(Kiosks.NAME)));
        Runtime.getRuntime().addShutdownHook(new Thread(SERVER::stop, "fake-token-service-stop"));
    }

    static String url() {
        return "http://localhost:" + PORT;
    }

    /** The kiosk's active token, or null. */
    public static KioskToken activeToken(String kioskId) {
        return ACTIVE.get(Long.parseLong(kioskId));
    }

    /** How many calls reached the fake for this kiosk. */
    public static int calls(String kioskId) {
        return SERVER.countRequestsMatching(WireMock.anyRequestedFor(
                urlPathMatching("/internal/tokens/kiosks/" + kioskId + "(/.*)?")).build()).getCount();
    }

    /** Answers as token-service would, from the request. */
    static final class Kiosks implements ResponseDefinitionTransformerV2 {

        static final String NAME = "fake-kiosk-tokens";

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            Matcher path = PATH.matcher(event.getRequest().getUrl());
            if (!path.matches()) {
                return status(404);
            }
            long kiosk = Long.parseLong(path.group(1));
            String action = path.group(2);
            if (action == null && event.getRequest().getMethod().getName().equals("PUT")) {
                long project = JSON.readTree(event.getRequest().getBodyAsString()).path("projectId").asLong();
                if (project == UNREACHABLE_PROJECT) {
                    return aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
                }
                if (project >= UNKNOWN_PROJECT) {
                    return status(404);
                }
                PROJECTS.put(kiosk, project);
                return json(ACTIVE.computeIfAbsent(kiosk, id -> newToken(id, project)));
            }
            if (!PROJECTS.containsKey(kiosk)) {
                return status(404);
            }
            if ("/rotate".equals(action)) {
                if (!ACTIVE.containsKey(kiosk)) {
                    return status(404);
                }
                KioskToken token = newToken(kiosk, PROJECTS.get(kiosk));
                ACTIVE.put(kiosk, token);
                return json(token);
            }
            int revoked = ACTIVE.remove(kiosk) == null ? 0 : 1;
            return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                    .withBody("{\"revoked\":" + revoked + "}").build();
        }

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        private static ResponseDefinition json(KioskToken token) {
            return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                    .withBody(JSON.writeValueAsString(token)).build();
        }

        private static ResponseDefinition status(int status) {
            return aResponse().withStatus(status).withHeader("Content-Type", "application/problem+json")
                    .withBody("{\"status\":" + status + "}").build();
        }

        private static KioskToken newToken(long kiosk, long project) {
            byte[] secret = new byte[32];
            RANDOM.nextBytes(secret);
            return new KioskToken(UUID.randomUUID(), kiosk, project,
                    "ppt_ki_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
        }
    }

    /** Points every test context of this service at the fake (one context for all: the same customizer). */
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
                    Map.of("peptalk.heartbeats.token-service-url", url())));
        }
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
