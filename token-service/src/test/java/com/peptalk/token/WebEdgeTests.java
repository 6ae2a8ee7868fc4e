package com.peptalk.token;

import com.peptalk.testsupport.GatewayIdentity;
import com.peptalk.testsupport.Http;
import com.peptalk.testsupport.RawHttp;
import com.peptalk.testsupport.ServiceTest;
import com.peptalk.testsupport.edge.WebEdgeContract;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared web edge (libs/web) in token-service, and each finding of issue 7 that concerns this service's own
 * routes as a test whose assertion is the right answer.
 */
@ServiceTest
class WebEdgeTests extends WebEdgeContract {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    protected String apiPath() {
        return "/api/directory/companies";
    }

    @Override
    protected String pagePath() {
        return "/admin/projects";
    }

    @Override
    protected String jsonPostPath() {
        return "/api/directory/companies";
    }

    @Test
    void undecodableQueriesAre400OnTheApiAndOnThePages() {
        RawHttp.Answer api = RawHttp.send(port, "GET", "/api/directory/projects?q=%FF", admin(), null);
        RawHttp.Answer page = RawHttp.send(port, "GET", "/admin/projects?x=%FF", admin(), null);

        assertThat(api.status()).isEqualTo(400);
        assertThat(api.isProblem()).isTrue();
        assertThat(fields(api)).containsExactly("q");
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.isPage()).isTrue();
        assertThat(page.header("x-frame-options")).isEqualTo("DENY");
    }

    @Test
    void aNulInASearchIsA400NamingIt() {
        RawHttp.Answer answer = RawHttp.send(port, "GET", "/api/directory/companies?q=%00", admin(), null);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(fields(answer)).containsExactly("q");
    }

    @Test
    void theBatchActionWithAThousandIdsOrAMalformedFormIsA400Page() {
        String thousand = String.join("&", java.util.Collections.nCopies(1000, "ids=1")) + "&action=generate";
        RawHttp.Answer many = RawHttp.send(port, "POST", "/admin/project_groups/batch_action",
                "Content-Type: application/x-www-form-urlencoded\r\n" + admin(), thousand.getBytes());
        RawHttp.Answer malformed = RawHttp.send(port, "POST", "/admin/project_groups/batch_action",
                "Content-Type: application/x-www-form-urlencoded\r\n" + admin(), "%%%".getBytes());

        assertThat(many.status()).isEqualTo(400);
        assertThat(many.isPage()).isTrue();
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.isPage()).isTrue();
    }

    @Test
    void numbersAreNeverCoercedIntoIdsDatesOrEnums() {
        long company = create("/api/directory/companies", Map.of("name", unique("Strict")));

        assertRefused("/api/directory/projects", "{\"companyId\":" + company + ".9,\"name\":\"P\"}", "companyId");
        assertRefused("/api/directory/projects", "{\"companyId\":" + company + ",\"name\":\"P\",\"startDate\":1}",
                "startDate");
        assertRefused("/api/tokens", "{\"resourceType\":0,\"resourceId\":" + company + "}", "resourceType");
        assertRefused("/api/directory/project-groups", "{\"companyId\":" + company
                + ",\"name\":\"G\",\"projectIds\":[19.7]}", "projectIds[0]");
        assertRefused("/api/directory/projects", "{\"companyId\":\"" + company + "\",\"name\":\"P\"}", "companyId");
    }

    @Test
    void outOfRangeNumbersNameTheirField() {
        assertRefused("/api/directory/projects", "{\"companyId\":99999999999999999999,\"name\":\"P\"}", "companyId");
        assertRefused("/api/directory/projects", "{\"companyId\":1e308,\"name\":\"P\"}", "companyId");
    }

    @Test
    void invisibleNamesAndControlCharactersAreRefused() {
        assertRefused("/api/directory/companies", "{\"name\":\"\\u200b\"}", "name");
        assertRefused("/api/directory/companies", "{\"name\":\"Acme\\u001b[31m\"}", "name");
        assertRefused("/api/directory/companies", "{\"name\":\"Acme\\u0007\"}", "name");
        assertRefused("/api/directory/companies", "{\"name\":\"Acme\",\"nmae\":\"typo\"}", "nmae");
    }

    @Test
    void tokenFiltersAcceptEverySpellingTheApiEmits() {
        for (String spelling : List.of("ProjectGroup", "project_group", "PROJECT_GROUP", "Project", "company")) {
            HttpResponse<String> answer = Http.getAsAdmin(url("/api/tokens?resourceType=" + spelling));
            assertThat(answer.statusCode()).as(spelling).isEqualTo(200);
        }
        RawHttp.Answer wrong = RawHttp.send(port, "GET", "/api/tokens?resourceType=Planet", admin(), null);
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(fields(wrong)).containsExactly("resourceType");
    }

    @Test
    void aRetriedCreateWithItsIdempotencyKeyCreatesOnceAndAnswersTheSame() {
        long company = create("/api/directory/companies", Map.of("name", unique("Retry")));
        String key = UUID.randomUUID().toString();
        String body = "{\"companyId\":" + company + ",\"name\":\"Tower A\"}";

        HttpResponse<String> first = post("/api/directory/projects", body, key);
        HttpResponse<String> retry = post("/api/directory/projects", body, key);
        HttpResponse<String> otherBody = post("/api/directory/projects", body.replace("Tower A", "Tower B"), key);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(otherBody.statusCode()).isEqualTo(422);
        assertThat(otherBody.body()).contains("https://peptalk.dev/problems/idempotency-key-reused");
        assertThat(projectsNamed(company, "Tower")).isEqualTo(1);
    }

    @Test
    void withoutAKeyTwoProjectsMayShareAName() {
        long company = create("/api/directory/companies", Map.of("name", unique("Twins")));
        String body = "{\"companyId\":" + company + ",\"name\":\"Phase 2\"}";

        assertThat(post("/api/directory/projects", body, null).statusCode()).isEqualTo(201);
        assertThat(post("/api/directory/projects", body, null).statusCode()).isEqualTo(201);
        assertThat(projectsNamed(company, "Phase 2")).isEqualTo(2);
    }

    @Test
    void aReplayNeverRepeatsASecret() {
        long company = create("/api/directory/companies", Map.of("name", unique("Secret")));
        String key = UUID.randomUUID().toString();
        String body = "{\"resourceType\":\"company\",\"resourceId\":" + company + "}";

        HttpResponse<String> first = post("/api/tokens", body, key);
        HttpResponse<String> retry = post("/api/tokens", body, key);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(first.body()).contains("ppt_co_");
        assertThat(retry.statusCode()).isEqualTo(409);
        assertThat(retry.body()).doesNotContain("ppt_co_").contains("secret");
    }

    @Test
    void everyAnswerThatCarriesASecretIsNoStore() {
        long company = create("/api/directory/companies", Map.of("name", unique("Store")));
        long project = create("/api/directory/projects", Map.of("companyId", company, "name", "Depot"));
        HttpResponse<String> issued = post("/api/tokens", "{\"resourceType\":\"company\",\"resourceId\":" + company
                + "}", null);
        String tokenId = read(issued.body()).path("tokenId").asString();

        List<HttpResponse<String>> answers = List.of(issued,
                Http.getAsAdmin(url("/api/directory/projects/" + project + "/procore-report")),
                post("/api/tokens/" + tokenId + "/rotate", "", null));

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.statusCode()).isBetween(200, 299);
            assertThat(answer.headers().firstValue("Cache-Control")).hasValue("no-store");
        });
    }

    @Test
    void redirectsAreRelativeAndNameNoInternalAddress() {
        RawHttp.Answer answer = RawHttp.send(port, "GET", "/admin", admin(), null);

        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.header("location")).isEqualTo("/admin/project_groups");
    }

    @Test
    void theOpenApiDocumentDescribesProblemsAndIdempotencyKeys() {
        HttpResponse<String> docs = Http.getAsAdmin(url("/v3/api-docs"));

        assertThat(docs.statusCode()).isEqualTo(200);
        JsonNode document = read(docs.body());
        assertThat(document.path("components").path("schemas").has("Problem")).isTrue();
        JsonNode create = document.path("paths").path("/api/directory/projects").path("post");
        assertThat(create.path("responses").has("400")).isTrue();
        assertThat(create.path("responses").has("422")).isTrue();
        assertThat(create.path("parameters").valueStream().map(p -> p.path("name").asString()))
                .contains("Idempotency-Key");
        assertThat(document.path("paths").has("/admin/projects")).isFalse();
    }

    private void assertRefused(String path, String body, String field) {
        RawHttp.Answer answer = RawHttp.send(port, "POST", path, "Content-Type: application/json\r\n" + admin(),
                body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(answer.status()).as(body + " -> " + answer.body()).isEqualTo(400);
        assertThat(answer.isProblem()).isTrue();
        assertThat(fields(answer)).as(body + " -> " + answer.body()).containsExactly(field);
    }

    private long projectsNamed(long company, String name) {
        JsonNode page = read(Http.getAsAdmin(url("/api/directory/projects?companyId=" + company + "&q="
                + name.replace(' ', '+'))).body());
        return page.path("totalItems").asLong();
    }

    private long create(String path, Map<String, Object> body) {
        HttpResponse<String> answer = post(path, JSON.writeValueAsString(body), null);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        return read(answer.body()).path("id").asLong();
    }

    private HttpResponse<String> post(String path, String body, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/json").header("Authorization", GatewayIdentity.authorization())
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return Http.send(request.build());
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static List<String> fields(RawHttp.Answer answer) {
        return read(answer.body()).path("errors").valueStream().map(error -> error.path("field").asString())
                .toList();
    }

    private static JsonNode read(String json) {
        return JSON.readTree(json);
    }

    private static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }
}
