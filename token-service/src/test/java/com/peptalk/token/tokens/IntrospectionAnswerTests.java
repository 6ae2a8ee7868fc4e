package com.peptalk.token.tokens;

import com.peptalk.events.tokens.ApiTokenType;
import com.peptalk.testsupport.Http;
import com.peptalk.testsupport.ServiceTest;
import com.peptalk.tokencontracts.Introspection;
import com.peptalk.tokencontracts.ProcoreApp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * token-service answers introspection with the contract's record (peptalk-token-contracts), in the shape of the
 * samples under {@code docs/introspection/} that the contract and the iframe's tests use, and states what each token
 * may see: its projects and how the Procore app opens with it.
 */
@ServiceTest
class IntrospectionAnswerTests {

    private static final Path SAMPLES = Path.of("../docs/introspection");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApiTokens tokens;

    Directory directory;

    @BeforeEach
    void fixtures() {
        directory = new Directory(jdbc);
    }

    @Test
    void aGroupTokenSeesItsProjectsAndOpensTheProcoreAppOnTheirList() {
        long company = directory.company();
        long first = directory.project(company);
        long second = directory.project(company);
        long group = directory.group(company, List.of(first, second));
        tokens.generateForProjectGroups(List.of(group));
        RevealedToken token = tokens.openProcore(group);

        JsonNode answer = introspect(token.token());

        assertThat(fieldNames(answer)).isEqualTo(fieldNames(sample("active-project-group")));
        assertThat(JSON.treeToValue(answer, Introspection.class)).isEqualTo(Introspection.active(token.tokenId(),
                ApiTokenType.PROJECT_GROUP, group, company, List.of(first, second), null, ProcoreApp.projectList()));
    }

    @Test
    void aProjectTokenInItsGracePeriodSeesItsProjectAndOpensTheProcoreAppOnIt() {
        long company = directory.company();
        long project = directory.project(company);
        tokens.ensureProjectToken(project, company);
        RevealedToken old = tokens.projectReport(project);
        tokens.rotate(old.tokenId());

        JsonNode answer = introspect(old.token());
        Introspection read = JSON.treeToValue(answer, Introspection.class);

        assertThat(fieldNames(answer)).isEqualTo(fieldNames(sample("active-project")));
        assertThat(read.expiresAt()).isAfter(Instant.now());
        assertThat(read).isEqualTo(Introspection.active(old.tokenId(), ApiTokenType.PROJECT, project, company,
                List.of(project), read.expiresAt(), ProcoreApp.project(project)));
    }

    @Test
    void aCompanyTokenSeesTheCompanysLiveProjectsAndDoesNotOpenTheProcoreApp() {
        long company = directory.company();
        long first = directory.project(company);
        long archived = directory.project(company);
        jdbc.update("update projects set status = 'archived' where id = ?", archived);
        RevealedToken token = tokens.issue(new IssueTokenRequest(IssueTokenRequest.Kind.COMPANY, company));

        JsonNode answer = introspect(token.token());

        assertThat(fieldNames(answer)).isEqualTo(fieldNames(sample("active-company")));
        assertThat(JSON.treeToValue(answer, Introspection.class)).isEqualTo(Introspection.active(token.tokenId(),
                ApiTokenType.COMPANY, company, company, List.of(first), null, null));
    }

    @Test
    void anInactiveAnswerIsExactlyTheSample() {
        assertThat(introspect("ppt_pg_" + "A".repeat(43))).isEqualTo(sample("inactive"));
        assertThat(introspect("not a token")).isEqualTo(sample("inactive"));
    }

    private JsonNode introspect(String token) {
        HttpResponse<String> response = Http.post("http://localhost:" + port + "/internal/tokens/introspect",
                "application/json", JSON.writeValueAsString(Map.of("token", token)), Map.of());
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static JsonNode sample(String name) {
        return JSON.readTree(SAMPLES.resolve(name + ".json").toFile());
    }

    /** Every field's path ({@code procoreApp.opens}): the shape of an answer, whatever its values. */
    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.properties().forEach(field -> {
            names.add(field.getKey());
            if (field.getValue().isObject()) {
                fieldNames(field.getValue()).forEach(inner -> names.add(field.getKey() + "." + inner));
            }
        });
        return names;
    }
}
