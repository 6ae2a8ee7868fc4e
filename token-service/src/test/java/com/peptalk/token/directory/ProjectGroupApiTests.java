package com.peptalk.token.directory;

import com.peptalk.testsupport.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@ServiceTest
class ProjectGroupApiTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    DirectoryApi api;
    long company;

    @BeforeEach
    void setUp() {
        api = new DirectoryApi(port);
        company = api.company(DirectoryApi.unique("Group owner"));
    }

    @Test
    void createsAGroupWithItsProjectsAndReadsItBack() {
        long first = api.project(company, "A");
        long second = api.project(company, "B");

        DirectoryApi.Response created = api.post("/project-groups",
                Map.of("companyId", company, "name", "Texas sites", "projectIds", List.of(second, first, second)));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location"))
                .hasValue("/api/directory/project-groups/" + created.id());
        DirectoryApi.Response read = api.get("/project-groups/" + created.id());
        assertThat(read.body().path("companyId").asLong()).isEqualTo(company);
        assertThat(read.body().path("name").asString()).isEqualTo("Texas sites");
        assertThat(read.longs("projectIds")).containsExactly(first, second);
    }

    @Test
    void createsAnEmptyGroupWhenNoProjectsAreGiven() {
        DirectoryApi.Response created = api.post("/project-groups", Map.of("companyId", company, "name", "Empty"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.longs("projectIds")).isEmpty();
    }

    @Test
    void refusesUnknownProjectIdsListingExactlyThoseAndCreatesNothing() {
        long own = api.project(company, "Own");
        long foreign = api.project(api.company(DirectoryApi.unique("Stranger")), "Foreign");
        Counts before = counts();

        DirectoryApi.Response refused = api.post("/project-groups", Map.of("companyId", company, "name", "Mixed",
                "projectIds", List.of(own, 999999998L, foreign, 999999997L)));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().path("type").asString()).isEqualTo("https://peptalk.dev/problems/unknown-ids");
        assertThat(refused.body().path("field").asString()).isEqualTo("projectIds");
        assertThat(refused.longs("unknownIds")).containsExactly(foreign, 999999997L, 999999998L);
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void refusesUnknownProjectIdsInAMembershipChangeAndChangesNothing() {
        long kept = api.project(company, "Kept");
        long group = api.group(company, "Stable", kept);
        Counts before = counts();

        DirectoryApi.Response replaced = api.put("/project-groups/" + group + "/projects",
                Map.of("projectIds", List.of(999999996L)));
        DirectoryApi.Response added = api.post("/project-groups/" + group + "/projects",
                Map.of("projectIds", List.of(999999995L)));

        assertThat(replaced.status()).isEqualTo(422);
        assertThat(replaced.longs("unknownIds")).containsExactly(999999996L);
        assertThat(added.status()).isEqualTo(422);
        assertThat(added.longs("unknownIds")).containsExactly(999999995L);
        assertThat(api.get("/project-groups/" + group).longs("projectIds")).containsExactly(kept);
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void replacesAddsAndRemovesProjects() {
        long a = api.project(company, "A");
        long b = api.project(company, "B");
        long c = api.project(company, "C");
        long group = api.group(company, "Rotating", a, b);

        DirectoryApi.Response replaced = api.put("/project-groups/" + group + "/projects",
                Map.of("projectIds", List.of(b, c)));
        DirectoryApi.Response added = api.post("/project-groups/" + group + "/projects",
                Map.of("projectIds", List.of(a, c)));
        DirectoryApi.Response removed = api.delete("/project-groups/" + group + "/projects/" + b);
        DirectoryApi.Response removedAgain = api.delete("/project-groups/" + group + "/projects/" + b);

        assertThat(replaced.longs("projectIds")).containsExactly(b, c);
        assertThat(added.longs("projectIds")).containsExactly(a, b, c);
        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.longs("projectIds")).containsExactly(a, c);
        assertThat(removedAgain.status()).isEqualTo(200);
        assertThat(api.get("/project-groups/" + group).longs("projectIds")).containsExactly(a, c);
    }

    @Test
    void aProjectMayBelongToSeveralGroups() {
        long shared = api.project(company, "Shared");
        long north = api.group(company, "North", shared);
        long south = api.group(company, "South", shared);

        DirectoryApi.Response groups = api.get("/project-groups?projectId=" + shared);

        assertThat(groups.body().path("items").valueStream().map(item -> item.path("id").asLong()))
                .containsExactly(north, south);
    }

    @Test
    void refusesADuplicateNameInTheSameCompanyButNotInAnother() {
        api.group(company, "Downtown");
        long other = api.group(company, "Uptown");

        DirectoryApi.Response duplicate = api.post("/project-groups", Map.of("companyId", company, "name", "Downtown"));
        DirectoryApi.Response renamed = api.put("/project-groups/" + other, Map.of("name", " Downtown "));
        DirectoryApi.Response elsewhere = api.post("/project-groups",
                Map.of("companyId", api.company(DirectoryApi.unique("Elsewhere")), "name", "Downtown"));

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.body().path("type").asString()).isEqualTo("https://peptalk.dev/problems/conflict");
        assertThat(duplicate.body().path("detail").asString()).contains("Downtown");
        assertThat(renamed.status()).isEqualTo(409);
        assertThat(api.get("/project-groups/" + other).body().path("name").asString()).isEqualTo("Uptown");
        assertThat(elsewhere.status()).isEqualTo(201);
    }

    @Test
    void renamesAGroup() {
        long group = api.group(company, "Before");

        DirectoryApi.Response renamed = api.put("/project-groups/" + group, Map.of("name", "After"));

        assertThat(renamed.status()).isEqualTo(200);
        assertThat(api.get("/project-groups/" + group).body().path("name").asString()).isEqualTo("After");
    }

    @Test
    void deletingAGroupRemovesItAndItsMembershipButNotItsProjects() {
        long project = api.project(company, "Survivor");
        long group = api.group(company, "Doomed", project);

        assertThat(api.delete("/project-groups/" + group).status()).isEqualTo(204);

        assertThat(api.get("/project-groups/" + group).status()).isEqualTo(404);
        assertThat(api.delete("/project-groups/" + group).status()).isEqualTo(404);
        assertThat(jdbc.queryForObject("select count(*) from project_group_members where project_group_id = ?",
                Long.class, group)).isZero();
        assertThat(api.get("/projects/" + project).status()).isEqualTo(200);
    }

    @Test
    void listsGroupsByCompanyAndName() {
        long east = api.group(company, "East sites");
        long west = api.group(company, "West sites");
        api.group(company, "Depots");

        DirectoryApi.Response sites = api.get("/project-groups?companyId=" + company + "&q=SITES");

        assertThat(sites.body().path("items").valueStream().map(item -> item.path("id").asLong()))
                .containsExactly(east, west);
        assertThat(sites.body().path("totalItems").asLong()).isEqualTo(2);
    }

    @Test
    void refusesMalformedIdsAndAnswersNotFoundForUnknownGroups() {
        DirectoryApi.Response malformedProject = api.delete("/project-groups/1/projects/abc");
        DirectoryApi.Response malformedGroup = api.get("/project-groups/abc");
        DirectoryApi.Response missingList = api.put("/project-groups/1/projects", Map.of());

        assertThat(malformedProject.status()).isEqualTo(400);
        assertThat(malformedProject.errorFields()).containsExactly("projectId");
        assertThat(malformedGroup.errorFields()).containsExactly("id");
        assertThat(missingList.errorFields()).containsExactly("projectIds");
        assertThat(api.get("/project-groups/999999999").status()).isEqualTo(404);
        assertThat(api.put("/project-groups/999999999/projects", Map.of("projectIds", List.of())).status())
                .isEqualTo(404);
    }

    private Counts counts() {
        return new Counts(
                jdbc.queryForObject("select count(*) from project_groups where company_id = ?", Long.class, company),
                jdbc.queryForObject("""
                        select count(*) from project_group_members m join project_groups g on g.id = m.project_group_id
                        where g.company_id = ?""", Long.class, company),
                jdbc.queryForObject("select count(*) from event_outbox", Long.class));
    }

    private record Counts(long groups, long members, long events) {
    }
}
