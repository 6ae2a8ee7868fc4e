package com.peptalk.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;

/**
 * Plays the gateway for a browser in a test: a reverse proxy on a free local port that forwards every request to
 * the service and adds the identity the gateway relays for a signed-in admin ({@link GatewayIdentity}), as the real
 * gateway does after its own sign-in. Redirects and answers pass through unchanged.
 */
public final class GatewayStandIn implements AutoCloseable {

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "transfer-encoding", "te",
            "trailer", "upgrade", "host", "content-length", "expect", "authorization");
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "date", "expect", "from",
            "host", "upgrade", "via", "warning", "keep-alive", "transfer-encoding");

    private final HttpServer server;
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final int servicePort;

    private GatewayStandIn(int servicePort) throws IOException {
        this.servicePort = servicePort;
        this.server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::forward);
        server.start();
    }

    /** A stand-in in front of the service on {@code servicePort}. */
    public static GatewayStandIn inFrontOf(int servicePort) {
        try {
            return new GatewayStandIn(servicePort);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The stand-in's address for a path, such as {@code http://localhost:41234/admin/projects}. */
    public String url(String path) {
        return "http://localhost:" + server.getAddress().getPort() + path;
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + servicePort
                    + exchange.getRequestURI().toString())).timeout(Duration.ofSeconds(30))
                    .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))
                        && !RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            request.header("Authorization", GatewayIdentity.authorization());
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            response.headers().map().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, List.copyOf(values));
                }
            });
            byte[] answer = response.body();
            exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
