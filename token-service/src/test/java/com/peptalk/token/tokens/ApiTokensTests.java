package com.peptalk.token.tokens;

import com.peptalk.events.ReceivedEvent;
import com.peptalk.events.Topics;
import com.peptalk.events.tokens.ApiTokenIssued;
import com.peptalk.events.tokens.ApiTokenRevoked;
import com.peptalk.events.tokens.ApiTokenRotated;
import com.peptalk.testsupport.EventProbe;
import com.peptalk.testsupport.Http;
import com.peptalk.testsupport.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

@ServiceTest
@ExtendWith(OutputCaptureExtension.class)
class ApiTokensTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApiTokens tokens;

    @Autowired
    LastUsedRecorder lastUsed;

    Directory directory;

    @BeforeEach
    void fixtures() {
        directory = new Directory(jdbc);
    }

    @Test
    void generateApiTokensCreatesTokensForGroupsWithoutOneAndSkipsTheOthers() {
        long company = directory.company();
        long project = directory.project(company);
        long first = directory.group(company, List.of(project));
        long second = directory.group(company, List.of(project));
        post("/api/directory/project-groups/api-tokens", "{\"projectGroupIds\": [" + first + "]}");

        JsonNode result = json(post("/api/directory/project-groups/api-tokens",
                "{\"projectGroupIds\": [" + first + ", " + second + "]}"));

        assertThat(longs(result.get("created"))).containsExactly(second);
        assertThat(longs(result.get("skipped"))).containsExactly(first);
        assertThat(directory.activeTokens("ProjectGroup", first)).isOne();
        assertThat(directory.activeTokens("ProjectGroup", second)).isOne();
    }

    @Test
    void twoAdminsGeneratingAtOnceStillLeaveEachGroupWithExactlyOneToken() throws Exception {
        long company = directory.company();
        List<Long> groups = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            groups.add(directory.group(company, List.of()));
        }
        String body = "{\"projectGroupIds\": " + groups + "}";
        int admins = 8;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(admins)) {
            for (int i = 0; i < admins; i++) {
                Callable<HttpResponse<String>> click = () -> {
                    start.await();
                    return post("/api/directory/project-groups/api-tokens", body);
                };
                answers.add(pool.submit(click));
            }
            start.countDown();
            List<Long> createdByAnyone = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get();
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                createdByAnyone.addAll(longs(json(response).get("created")));
            }
            assertThat(createdByAnyone).containsExactlyInAnyOrderElementsOf(groups);
        }
        groups.forEach(group -> assertThat(directory.activeTokens("ProjectGroup", group)).isOne());
    }

    @Test
    void unknownGroupIdsAreNamedAndNothingIsCreated() {
        long company = directory.company();
        long known = directory.group(company, List.of());

        HttpResponse<String> response = post("/api/directory/project-groups/api-tokens",
                "{\"projectGroupIds\": [" + known + ", 987654321, 987654322]}");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.get("field").asString()).isEqualTo("projectGroupIds");
        assertThat(longs(problem.get("unknownIds"))).containsExactly(987654321L, 987654322L);
        assertThat(directory.activeTokens("ProjectGroup", known)).isZero();
    }

    @Test
    void badBatchRequestsAreProblemsNamingTheField() {
        HttpResponse<String> empty = post("/api/directory/project-groups/api-tokens", "{\"projectGroupIds\": []}");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("projectGroupIds");

        HttpResponse<String> malformed = post("/api/directory/project-groups/api-tokens", "{\"projectGroupIds\": [\"x\"");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(json(malformed).get("type").asString()).endsWith("/malformed-request");

        HttpResponse<String> huge = post("/api/directory/project-groups/api-tokens",
                "{\"projectGroupIds\": [" + "1,".repeat(40_000) + "1]}");
        assertThat(huge.statusCode()).isEqualTo(413);

        HttpResponse<String> badId = Http.getAsAdmin(url("/api/directory/projects/abc/procore-report"));
        assertThat(badId.statusCode()).isEqualTo(400);
        assertThat(badId.body()).contains("id");
    }

    @Test
    void viewProcoreReportAndOpenProcoreGiveTheTokenAndTheReadyIframeUrl() {
        long company = directory.company();
        long project = directory.project(company);
        long group = directory.group(company, List.of(project));
        tokens.ensureProjectToken(project, company);
        tokens.generateForProjectGroups(List.of(group));

        JsonNode report = json(Http.getAsAdmin(url("/api/directory/projects/" + project + "/procore-report")));
        JsonNode procore = json(Http.getAsAdmin(url("/api/directory/project-groups/" + group + "/procore")));

        assertThat(report.get("token").asString()).matches("ppt_pr_[A-Za-z0-9_-]{43}");
        assertThat(report.get("iframeUrl").asString()).isEqualTo(
                "http://localhost:8080/integrations/procore/iframe?api_token=" + report.get("token").asString());
        assertThat(procore.get("token").asString()).matches("ppt_pg_[A-Za-z0-9_-]{43}");
        assertThat(procore.get("iframeUrl").asString()).endsWith("?api_token=" + procore.get("token").asString());
        assertThat(Http.getAsAdmin(url("/api/directory/project-groups/987654321/procore")).statusCode()).isEqualTo(404);
    }

    @Test
    void tokensAreStoredOnlyAsAKeyedHashAndACiphertext() {
        long company = directory.company();
        long project = directory.project(company);
        tokens.ensureProjectToken(project, company);
        String token = tokens.projectReport(project).token();

        Integer plain = jdbc.queryForObject("""
                select count(*) from api_tokens t
                where t::text like '%' || ? || '%' or encode(t.token_hash, 'escape') like '%' || ? || '%'
                   or encode(t.token_ciphertext, 'escape') like '%' || ? || '%'
                """, Integer.class, token.substring(7), token.substring(7), token.substring(7));
        assertThat(plain).isZero();
    }

    @Test
    void introspectionOfAGroupTokenListsItsLiveProjectsAndUnknownTokensAreInactive() {
        long company = directory.company();
        long first = directory.project(company);
        long second = directory.project(company);
        long archived = directory.project(company);
        jdbc.update("update projects set status = 'archived' where id = ?", archived);
        long group = directory.group(company, List.of(first, second, archived));
        tokens.generateForProjectGroups(List.of(group));
        String token = tokens.openProcore(group).token();

        JsonNode answer = introspect(token);

        assertThat(answer.get("active").asBoolean()).isTrue();
        assertThat(answer.get("apiTokenType").asString()).isEqualTo("project_group");
        assertThat(answer.get("resourceType").asString()).isEqualTo("ProjectGroup");
        assertThat(answer.get("resourceId").asLong()).isEqualTo(group);
        assertThat(answer.get("companyId").asLong()).isEqualTo(company);
        assertThat(longs(answer.get("projectIds"))).containsExactly(first, second);

        assertThat(introspect("ppt_pg_" + "A".repeat(43)).toString()).isEqualTo("{\"active\":false}");
        assertThat(introspect("not a token").toString()).isEqualTo("{\"active\":false}");
        assertThat(introspect(token + "x").toString()).isEqualTo("{\"active\":false}");
    }

    @Test
    void aProjectTokenSeesItsProjectUntilTheProjectIsArchived() {
        long company = directory.company();
        long project = directory.project(company);
        tokens.ensureProjectToken(project, company);
        tokens.ensureProjectToken(project, company);
        String token = tokens.projectReport(project).token();
        assertThat(directory.activeTokens("Project", project)).isOne();

        assertThat(longs(introspect(token).get("projectIds"))).containsExactly(project);

        jdbc.update("update projects set status = 'archived' where id = ?", project);
        assertThat(introspect(token).get("active").asBoolean()).isFalse();
    }

    @Test
    void aRotatedTokenWorksThroughItsGracePeriodThenStopsAndARevokedOneStopsAtOnce() {
        long company = directory.company();
        long project = directory.project(company);
        tokens.ensureProjectToken(project, company);
        RevealedToken old = tokens.projectReport(project);
        try (EventProbe events = EventProbe.listen(Topics.TOKENS)) {
            JsonNode rotated = json(post("/api/tokens/" + old.tokenId() + "/rotate", ""));
            String replacement = rotated.get("token").asString();

            assertThat(introspect(old.token()).get("active").asBoolean()).isTrue();
            assertThat(introspect(replacement).get("active").asBoolean()).isTrue();
            assertThat(tokens.projectReport(project).token()).isEqualTo(replacement);
            ReceivedEvent rotation = events.awaitEvent(e -> e.event() instanceof ApiTokenRotated r
                    && r.tokenId().equals(old.tokenId()), Duration.ofSeconds(30));
            assertThat(((ApiTokenRotated) rotation.event()).replacementTokenId().toString())
                    .isEqualTo(rotated.get("tokenId").asString());

            jdbc.update("update api_tokens set expires_at = now() - interval '1 second' where id = ?", old.tokenId());
            assertThat(introspect(old.token()).get("active").asBoolean()).isFalse();

            HttpResponse<String> revoked = post("/api/tokens/" + rotated.get("tokenId").asString() + "/revoke", "");
            assertThat(revoked.statusCode()).isEqualTo(200);
            assertThat(json(revoked).get("status").asString()).isEqualTo("revoked");
            assertThat(introspect(replacement).get("active").asBoolean()).isFalse();
            events.awaitEvent(e -> e.event() instanceof ApiTokenRevoked r
                    && r.tokenId().toString().equals(rotated.get("tokenId").asString()), Duration.ofSeconds(30));
            assertThat(post("/api/tokens/" + rotated.get("tokenId").asString() + "/revoke", "").statusCode())
                    .isEqualTo(409);
        }
    }

    @Test
    void issuingATokenIsAnnouncedOnTokenEventsWithoutTheSecret() {
        long company = directory.company();
        long group = directory.group(company, List.of());
        try (EventProbe events = EventProbe.listen(Topics.TOKENS)) {
            tokens.generateForProjectGroups(List.of(group));
            String token = tokens.openProcore(group).token();

            ReceivedEvent issued = events.awaitEvent(e -> e.event() instanceof ApiTokenIssued i
                    && i.resourceId() == group && i.resourceType().equals("ProjectGroup"), Duration.ofSeconds(30));

            assertThat(issued.topic()).isEqualTo(Topics.TOKENS);
            assertThat(events.seen()).allSatisfy(r -> assertThat(new String(r.value())).doesNotContain(token));
        }
    }

    @Test
    void lastUsedIsKeptWithoutAWritePerIntrospection() {
        long company = directory.company();
        long project = directory.project(company);
        tokens.ensureProjectToken(project, company);
        RevealedToken token = tokens.projectReport(project);

        introspect(token.token());
        lastUsed.flush();

        assertThat(jdbc.queryForObject("select last_used_at is not null from api_tokens where id = ?",
                Boolean.class, token.tokenId())).isTrue();
    }

    @Test
    void aTokenNeverAppearsInTheLogs(CapturedOutput output) {
        long company = directory.company();
        long project = directory.project(company);
        tokens.ensureProjectToken(project, company);
        String token = tokens.projectReport(project).token();

        introspect(token);
        post("/internal/tokens/introspect", "{\"token\": \"" + token + "\", \"oops\": ");
        Http.getAsAdmin(url("/api/directory/projects/" + project + "/procore-report"));

        assertThat(output.getAll()).doesNotContain(token.substring(7));
    }

    @Test
    void aProjectCreatedThroughTheApiHasItsTokenAndADeletedGroupsTokenStopsAtOnce() {
        long company = directory.company();
        HttpResponse<String> created = post("/api/directory/projects",
                "{\"companyId\": " + company + ", \"name\": \"Harbor Bridge\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        long project = json(created).get("id").asLong();
        assertThat(directory.activeTokens("Project", project)).isOne();

        long group = directory.group(company, List.of(project));
        tokens.generateForProjectGroups(List.of(group));
        String groupToken = tokens.openProcore(group).token();
        assertThat(introspect(groupToken).get("active").asBoolean()).isTrue();

        assertThat(Http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                url("/api/directory/project-groups/" + group))).header("Authorization",
                com.peptalk.testsupport.GatewayIdentity.authorization()).DELETE().build()).statusCode()).isEqualTo(204);

        assertThat(introspect(groupToken).get("active").asBoolean()).isFalse();
        assertThat(jdbc.queryForObject("select status from api_tokens where resource_type = 'ProjectGroup'"
                + " and resource_id = ?", String.class, group)).isEqualTo("revoked");
    }

    @Test
    void aChunkedBodyPastTheLimitIsRefusedAndAMalformedValueIsNamed() {
        java.net.http.HttpRequest chunked = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                url("/api/directory/project-groups/api-tokens"))).header("Content-Type", "application/json")
                .header("Authorization", com.peptalk.testsupport.GatewayIdentity.authorization())
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
                        ("{\"projectGroupIds\": [" + "1,".repeat(40_000) + "1]}").getBytes())))
                .build();
        HttpResponse<String> tooLarge = Http.send(chunked);
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(json(tooLarge).get("type").asString()).endsWith("/payload-too-large");

        HttpResponse<String> malformed = post("/api/directory/project-groups/api-tokens",
                "{\"projectGroupIds\": [1, \"two\"]}");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(json(malformed).get("errors").get(0).get("field").asString()).isEqualTo("projectGroupIds[1]");
    }

    private JsonNode introspect(String token) {
        HttpResponse<String> response = post("/internal/tokens/introspect",
                JSON.writeValueAsString(Map.of("token", token)));
        assertThat(response.statusCode()).isEqualTo(200);
        return json(response);
    }

    private HttpResponse<String> post(String path, String body) {
        return Http.post(url(path), "application/json", body, Http.admin());
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private static List<Long> longs(JsonNode array) {
        List<Long> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asLong()));
        return values;
    }

}
