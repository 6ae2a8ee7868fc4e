package com.peptalk.token.directory;

import com.peptalk.testsupport.GatewayIdentity;
import com.peptalk.testsupport.Http;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The directory's JSON API as an admin calls it, over real HTTP, with shortcuts to set up test data. */
final class DirectoryApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;

    DirectoryApi(int port) {
        this.base = "http://localhost:" + port + "/api/directory";
    }

    /** An answer: its status, its JSON body (a missing node when there is none) and its headers. */
    record Response(int status, JsonNode body, java.net.http.HttpHeaders headers) {

        long id() {
            return body.path("id").asLong();
        }

        /** The field names of a validation problem's {@code errors}. */
        List<String> errorFields() {
            return body.path("errors").valueStream().map(error -> error.path("field").asString()).toList();
        }

        List<Long> longs(String field) {
            return body.path(field).valueStream().map(JsonNode::asLong).toList();
        }
    }

    Response get(String path) {
        return send(request(path).GET());
    }

    Response post(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(body))));
    }

    Response put(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json(body))));
    }

    Response delete(String path) {
        return send(request(path).DELETE());
    }

    long company(String name) {
        return created(post("/companies", Map.of("name", name)));
    }

    long project(long companyId, String name) {
        return created(post("/projects", Map.of("companyId", companyId, "name", name)));
    }

    long group(long companyId, String name, Long... projectIds) {
        return created(post("/project-groups",
                Map.of("companyId", companyId, "name", name, "projectIds", List.of(projectIds))));
    }

    long user(long companyId, String name, String email) {
        return created(post("/users", Map.of("companyId", companyId, "name", name, "email", email)));
    }

    /** A name no other test of the shared database uses. */
    static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A JSON object that may hold nulls, which {@link Map#of} refuses. */
    static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            object.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return object;
    }

    private static long created(Response response) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        return response.id();
    }

    private HttpRequest.Builder request(String path) {
        // as the gateway relays an admin
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json").header("Authorization", GatewayIdentity.authorization());
    }

    private static Response send(HttpRequest.Builder request) {
        HttpResponse<String> response = Http.send(request.build());
        JsonNode body = response.body().isEmpty() ? MissingNode.getInstance() : JSON.readTree(response.body());
        return new Response(response.statusCode(), body, response.headers());
    }

    private static String json(Object body) {
        return body instanceof String text ? text : JSON.writeValueAsString(body);
    }
}
