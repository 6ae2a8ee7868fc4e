package com.peptalk.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * A plain HTTP client for tests that talk to a service on its real port, as its callers do. A call the gateway would
 * relay for an admin carries {@link #admin()} (the identity the gateway relays, {@link GatewayIdentity}).
 */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /** The headers of a request the gateway relays for an admin: {@code Authorization: Bearer <identity>}. */
    public static Map<String, String> admin() {
        return Map.of("Authorization", GatewayIdentity.authorization());
    }

    /** {@code GET} as an admin through the gateway. */
    public static HttpResponse<String> getAsAdmin(String url) {
        return get(url, admin());
    }

    public static HttpResponse<String> get(String url) {
        return get(url, Map.of());
    }

    public static HttpResponse<String> get(String url, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
        headers.forEach(request::header);
        return send(request.build());
    }

    public static HttpResponse<String> post(String url, String contentType, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request.build());
    }

    public static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed", ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private Http() {
    }
}
