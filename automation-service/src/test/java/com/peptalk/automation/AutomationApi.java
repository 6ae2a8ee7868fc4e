package com.peptalk.automation;

import com.peptalk.testsupport.Http;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** automation-service's JSON API as an admin calls it through the gateway, over real HTTP. */
public final class AutomationApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;

    public AutomationApi(int port) {
        this.base = "http://localhost:" + port + "/api/automation";
    }

    /** An answer: its status, its JSON body (a missing node when there is none) and its headers. */
    public record Response(int status, JsonNode body, java.net.http.HttpHeaders headers, String text) {

        public long id() {
            return body.path("id").asLong();
        }

        /** The field names of a problem's {@code errors}. */
        public List<String> errorFields() {
            return body.path("errors").valueStream().map(error -> error.path("field").asString()).toList();
        }
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response post(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(body))));
    }

    public Response post(String path, Object body, Map<String, String> headers) {
        HttpRequest.Builder request = request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(body)));
        headers.forEach(request::header);
        return send(request);
    }

    public Response postText(String path, String contentType, String body) {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response put(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json(body))));
    }

    public Response delete(String path) {
        return send(request(path).DELETE());
    }

    /** The id of what a 201 answer created; fails the test with the answer when it is not a 201. */
    public static long created(Response response) {
        if (response.status() != 201) {
            throw new AssertionError("expected 201, got " + response.status() + ": " + response.text());
        }
        return response.id();
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        Http.admin().forEach(request::header);
        return request.header("Accept", "application/json, application/problem+json");
    }

    private static Response send(HttpRequest.Builder request) {
        HttpResponse<String> response = Http.send(request.build());
        JsonNode body = response.body().isEmpty() ? JSON.missingNode() : parse(response.body());
        return new Response(response.statusCode(), body, response.headers(), response.body());
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        }
        catch (RuntimeException ex) {
            return JSON.missingNode();
        }
    }

    static String json(Object body) {
        return body instanceof String text ? text : JSON.writeValueAsString(body);
    }
}
