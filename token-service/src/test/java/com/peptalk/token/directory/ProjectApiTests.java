package com.peptalk.token.directory;

import com.peptalk.testsupport.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.List;
import java.util.Map;

import static com.peptalk.token.directory.DirectoryApi.object;
import static org.assertj.core.api.Assertions.assertThat;

@ServiceTest
class ProjectApiTests {

    @LocalServerPort
    int port;

    DirectoryApi api;
    long company;

    @BeforeEach
    void setUp() {
        api = new DirectoryApi(port);
        company = api.company(DirectoryApi.unique("Builder"));
    }

    @Test
    void createsAProjectWithItsScheduleAndTimeZone() {
        DirectoryApi.Response created = api.post("/projects", Map.of("companyId", company, "name", "Riverside Tower",
                "timeZone", "America/Chicago", "startDate", "2026-03-01", "completionDate", "2027-06-30"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValue("/api/directory/projects/" + created.id());
        DirectoryApi.Response read = api.get("/projects/" + created.id());
        assertThat(read.body().path("companyId").asLong()).isEqualTo(company);
        assertThat(read.body().path("name").asString()).isEqualTo("Riverside Tower");
        assertThat(read.body().path("status").asString()).isEqualTo("active");
        assertThat(read.body().path("timeZone").asString()).isEqualTo("America/Chicago");
        assertThat(read.body().path("startDate").asString()).isEqualTo("2026-03-01");
        assertThat(read.body().path("completionDate").asString()).isEqualTo("2027-06-30");
    }

    @Test
    void defaultsToActiveInUtcWithoutDates() {
        DirectoryApi.Response created = api.post("/projects", Map.of("companyId", company, "name", "Depot"));

        assertThat(created.body().path("status").asString()).isEqualTo("active");
        assertThat(created.body().path("timeZone").asString()).isEqualTo("UTC");
        assertThat(created.body().path("startDate").isNull()).isTrue();
    }

    @Test
    void replacesAProjectsEditableStateWithPut() {
        long project = api.project(company, "Old name");

        DirectoryApi.Response updated = api.put("/projects/" + project, object("name", "New name", "status",
                "inactive", "timeZone", "Europe/Berlin", "startDate", "2026-01-01", "completionDate", null));

        assertThat(updated.status()).isEqualTo(200);
        DirectoryApi.Response read = api.get("/projects/" + project);
        assertThat(read.body().path("name").asString()).isEqualTo("New name");
        assertThat(read.body().path("status").asString()).isEqualTo("inactive");
        assertThat(read.body().path("timeZone").asString()).isEqualTo("Europe/Berlin");
        assertThat(read.body().path("startDate").asString()).isEqualTo("2026-01-01");
        assertThat(read.body().path("companyId").asLong()).isEqualTo(company);
    }

    @Test
    void refusesATimeZoneThatIsNotAnIanaIdNamingTheField() {
        DirectoryApi.Response made = api.post("/projects",
                Map.of("companyId", company, "name", "Site", "timeZone", "Mars/Olympus"));
        DirectoryApi.Response offset = api.post("/projects",
                Map.of("companyId", company, "name", "Site", "timeZone", "+02:00"));

        assertThat(made.status()).isEqualTo(400);
        assertThat(made.errorFields()).containsExactly("timeZone");
        assertThat(offset.errorFields()).containsExactly("timeZone");
    }

    @Test
    void refusesACompletionDateBeforeTheStartDateNamingTheField() {
        DirectoryApi.Response created = api.post("/projects", Map.of("companyId", company, "name", "Site",
                "startDate", "2026-05-01", "completionDate", "2026-04-30"));
        long project = api.project(company, "Site");
        DirectoryApi.Response updated = api.put("/projects/" + project, Map.of("name", "Site", "status", "active",
                "timeZone", "UTC", "startDate", "2026-05-01", "completionDate", "2026-04-30"));

        assertThat(created.status()).isEqualTo(400);
        assertThat(created.errorFields()).containsExactly("completionDate");
        assertThat(updated.errorFields()).containsExactly("completionDate");
    }

    @Test
    void refusesADateThatIsNotAnIsoDate() {
        DirectoryApi.Response response = api.post("/projects",
                Map.of("companyId", company, "name", "Site", "startDate", "2026-13-01"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().path("type").asString()).isEqualTo("https://peptalk.dev/problems/malformed-request");
    }

    @Test
    void refusesMissingFieldsNamingEachOne() {
        DirectoryApi.Response response = api.post("/projects", Map.of("status", "paused"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorFields()).containsExactlyInAnyOrder("companyId", "name", "status");
    }

    @Test
    void refusesAProjectOfAnUnknownCompanyListingTheId() {
        DirectoryApi.Response response = api.post("/projects", Map.of("companyId", 999999999, "name", "Site"));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.body().path("field").asString()).isEqualTo("companyId");
        assertThat(response.longs("unknownIds")).containsExactly(999999999L);
    }

    @Test
    void refusesMalformedIdsNamingTheParameter() {
        DirectoryApi.Response path = api.get("/projects/abc");
        DirectoryApi.Response filter = api.get("/projects?companyId=abc");

        assertThat(path.status()).isEqualTo(400);
        assertThat(path.errorFields()).containsExactly("id");
        assertThat(filter.status()).isEqualTo(400);
        assertThat(filter.errorFields()).containsExactly("companyId");
    }

    @Test
    void answersNotFoundForAnUnknownProject() {
        assertThat(api.get("/projects/999999999").status()).isEqualTo(404);
        assertThat(api.delete("/projects/999999999").status()).isEqualTo(404);
        assertThat(api.put("/projects/999999999",
                Map.of("name", "Site", "status", "active", "timeZone", "UTC")).status()).isEqualTo(404);
    }

    @Test
    void listsProjectsFilteredByCompanyStatusNameAndGroup() {
        long tower = api.project(company, "North Tower");
        long garage = api.project(company, "North Garage");
        long office = api.project(company, "South Office");
        api.put("/projects/" + garage, Map.of("name", "North Garage", "status", "inactive", "timeZone", "UTC"));
        long otherCompany = api.company(DirectoryApi.unique("Other"));
        api.project(otherCompany, "North Tower");
        long group = api.group(company, "Downtown", tower, office);

        assertThat(ids(api.get("/projects?companyId=" + company))).containsExactly(tower, garage, office);
        assertThat(ids(api.get("/projects?companyId=" + company + "&q=nOrTh"))).containsExactly(tower, garage);
        assertThat(ids(api.get("/projects?companyId=" + company + "&q=north&status=active")))
                .containsExactly(tower);
        assertThat(ids(api.get("/projects?projectGroupId=" + group))).containsExactly(tower, office);
        DirectoryApi.Response paged = api.get("/projects?companyId=" + company + "&size=2&page=1");
        assertThat(ids(paged)).containsExactly(office);
        assertThat(paged.body().path("totalItems").asLong()).isEqualTo(3);
        assertThat(paged.body().path("totalPages").asInt()).isEqualTo(2);
    }

    @Test
    void archivingAProjectKeepsItAndItsGroupMembership() {
        long project = api.project(company, "Finished");
        long group = api.group(company, "Archive test", project);

        assertThat(api.delete("/projects/" + project).status()).isEqualTo(204);
        assertThat(api.delete("/projects/" + project).status()).as("archiving again is harmless").isEqualTo(204);

        assertThat(api.get("/projects/" + project).body().path("status").asString()).isEqualTo("archived");
        assertThat(api.get("/project-groups/" + group).longs("projectIds")).containsExactly(project);
        assertThat(ids(api.get("/projects?companyId=" + company + "&status=archived"))).containsExactly(project);
    }

    private static List<Long> ids(DirectoryApi.Response page) {
        assertThat(page.status()).as(page.body().toString()).isEqualTo(200);
        return page.body().path("items").valueStream().map(item -> item.path("id").asLong()).toList();
    }
}
