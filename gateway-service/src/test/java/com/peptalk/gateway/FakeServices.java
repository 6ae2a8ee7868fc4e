package com.peptalk.gateway;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.peptalk.gateway.routing.DownstreamService;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * One WireMock server per downstream service, started once per test JVM (and stopped with it), standing in for
 * the real services on their own random ports. After {@link #reset()} each answers only its readiness probe.
 */
final class FakeServices {

    private static final Map<DownstreamService, WireMockServer> SERVERS = start();

    static WireMockServer of(DownstreamService service) {
        return SERVERS.get(service);
    }

    /** Points the gateway at the fakes. */
    static void register(DynamicPropertyRegistry registry) {
        // an address, not localhost: the first look-up of a name can cost a cold JVM more than a health timeout
        SERVERS.forEach((service, server) -> registry.add(property(service),
                () -> "http://127.0.0.1:" + server.port()));
    }

    /** Points the gateway at a port nobody listens on, as if the service were stopped. */
    static void registerStopped(DynamicPropertyRegistry registry, DownstreamService service) {
        int port = closedPort();
        registry.add(property(service), () -> "http://127.0.0.1:" + port);
    }

    /** Forgets all stubs and requests; every fake is ready again. */
    static void reset() {
        SERVERS.values().forEach(server -> {
            server.resetAll();
            server.stubFor(get("/actuator/health/readiness").willReturn(okJson("{\"status\":\"UP\"}")));
        });
    }

    /** What a fake received, readiness probes aside. */
    static List<LoggedRequest> requestsTo(DownstreamService service) {
        return of(service).findAll(anyRequestedFor(anyUrl())).stream()
                .filter(request -> !request.getUrl().startsWith("/actuator/health"))
                .toList();
    }

    private static String property(DownstreamService service) {
        return switch (service) {
            case TOKEN -> "peptalk.gateway.services.token";
            case PROCORE_IFRAME -> "peptalk.gateway.services.procore-iframe";
            case AUTOMATION -> "peptalk.gateway.services.automation";
            case DELIVERY -> "peptalk.gateway.services.delivery";
            case TRACKING -> "peptalk.gateway.services.tracking";
            case HEARTBEAT -> "peptalk.gateway.services.heartbeat";
        };
    }

    /** A port nobody listens on. */
    static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static Map<DownstreamService, WireMockServer> start() {
        Map<DownstreamService, WireMockServer> servers = new EnumMap<>(DownstreamService.class);
        for (DownstreamService service : DownstreamService.values()) {
            WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1")
                    .containerThreads(12).jettyAcceptors(1));
            server.start();
            servers.put(service, server);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> servers.values().forEach(WireMockServer::stop),
                "fake-services-stop"));
        return servers;
    }

    private FakeServices() {
    }
}
