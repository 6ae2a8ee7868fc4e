package com.peptalk.token.directory;

import com.peptalk.testsupport.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@ServiceTest
class CompanyApiTests {

    @LocalServerPort
    int port;

    DirectoryApi api;

    @BeforeEach
    void setUp() {
        api = new DirectoryApi(port);
    }

    @Test
    void createsReadsAndRenamesACompany() {
        String name = DirectoryApi.unique("Acme");

        DirectoryApi.Response created = api.post("/companies", Map.of("name", "  " + name + " "));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValue("/api/directory/companies/" + created.id());
        assertThat(created.body().path("name").asString()).isEqualTo(name);
        assertThat(created.body().path("status").asString()).isEqualTo("active");

        DirectoryApi.Response renamed = api.put("/companies/" + created.id(),
                Map.of("name", name + " Builders", "status", "active"));
        assertThat(renamed.status()).isEqualTo(200);

        DirectoryApi.Response read = api.get("/companies/" + created.id());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().path("name").asString()).isEqualTo(name + " Builders");
    }

    @Test
    void listsCompaniesMatchingANameInStablePagesOrderedById() {
        String tag = DirectoryApi.unique("Paging");
        long first = api.company(tag + " North");
        long second = api.company(tag + " South");
        long third = api.company(tag + " East");

        DirectoryApi.Response page0 = api.get("/companies?q=" + tag.toUpperCase().replace(' ', '+') + "&size=2");
        DirectoryApi.Response page1 = api.get("/companies?q=" + tag.replace(' ', '+') + "&size=2&page=1");

        assertThat(page0.status()).isEqualTo(200);
        assertThat(page0.body().path("items").valueStream().map(item -> item.path("id").asLong()))
                .containsExactly(first, second);
        assertThat(page1.body().path("items").valueStream().map(item -> item.path("id").asLong()))
                .containsExactly(third);
        assertThat(page0.body().path("page").asInt()).isZero();
        assertThat(page1.body().path("page").asInt()).isEqualTo(1);
        assertThat(page0.body().path("size").asInt()).isEqualTo(2);
        assertThat(page0.body().path("totalItems").asLong()).isEqualTo(3);
        assertThat(page0.body().path("totalPages").asInt()).isEqualTo(2);
    }

    @Test
    void aPageBeyondTheLastIsEmptyAndStillCountsTheMatchesEvenPastAnIntOffset() {
        String tag = DirectoryApi.unique("Far");
        api.company(tag);

        DirectoryApi.Response far = api.get("/companies?q=" + tag.replace(' ', '+') + "&size=200&page="
                + Integer.MAX_VALUE);

        assertThat(far.status()).isEqualTo(200);
        assertThat(far.body().path("items").size()).isZero();
        assertThat(far.body().path("page").asInt()).isEqualTo(Integer.MAX_VALUE);
        assertThat(far.body().path("totalItems").asLong()).isEqualTo(1);
    }

    @Test
    void aPercentSignOrUnderscoreInTheNameFilterIsJustACharacter() {
        String tag = DirectoryApi.unique("Wild");
        long literal = api.company(tag + " 100%_done");
        api.company(tag + " 100 and done");

        DirectoryApi.Response page = api.get("/companies?q=" + tag.replace(' ', '+') + "+100%25_");

        assertThat(page.body().path("items").valueStream().map(item -> item.path("id").asLong()))
                .containsExactly(literal);
    }

    @Test
    void filtersCompaniesByStatus() {
        String tag = DirectoryApi.unique("Status");
        long active = api.company(tag + " live");
        long archived = api.company(tag + " gone");
        api.delete("/companies/" + archived);

        DirectoryApi.Response onlyArchived = api.get("/companies?status=archived&q=" + tag.replace(' ', '+'));
        DirectoryApi.Response onlyActive = api.get("/companies?status=active&q=" + tag.replace(' ', '+'));

        assertThat(onlyArchived.body().path("items").valueStream().map(item -> item.path("id").asLong()))
                .containsExactly(archived);
        assertThat(onlyActive.body().path("items").valueStream().map(item -> item.path("id").asLong()))
                .containsExactly(active);
    }

    @Test
    void capsTheRequestedPageSizeAtTheConfiguredMaximum() {
        DirectoryApi.Response page = api.get("/companies?size=100000");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body().path("size").asInt()).isEqualTo(200);
    }

    @Test
    void refusesBadPagingAndFilterParametersNamingThem() {
        DirectoryApi.Response negativePage = api.get("/companies?page=-1");
        DirectoryApi.Response zeroSize = api.get("/companies?size=0");
        DirectoryApi.Response unknownStatus = api.get("/companies?status=deleted");

        assertThat(negativePage.status()).isEqualTo(400);
        assertThat(negativePage.errorFields()).containsExactly("page");
        assertThat(zeroSize.errorFields()).containsExactly("size");
        assertThat(unknownStatus.errorFields()).containsExactly("status");
    }

    @Test
    void refusesABlankOrOverlongNameNamingTheField() {
        DirectoryApi.Response blank = api.post("/companies", Map.of("name", "   "));
        DirectoryApi.Response overlong = api.post("/companies", Map.of("name", "x".repeat(201)));
        DirectoryApi.Response badStatus = api.put("/companies/1", Map.of("name", "Acme", "status", "closed"));

        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.body().path("type").asString()).isEqualTo("https://peptalk.dev/problems/validation");
        assertThat(blank.errorFields()).containsExactly("name");
        assertThat(overlong.errorFields()).containsExactly("name");
        assertThat(badStatus.errorFields()).containsExactly("status");
    }

    @Test
    void refusesAMalformedIdNamingTheParameter() {
        DirectoryApi.Response response = api.get("/companies/abc");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorFields()).containsExactly("id");
    }

    @Test
    void answersNotFoundForAnUnknownCompany() {
        assertThat(api.get("/companies/999999999").status()).isEqualTo(404);
        assertThat(api.put("/companies/999999999", Map.of("name", "Acme", "status", "active")).status())
                .isEqualTo(404);
        DirectoryApi.Response archive = api.delete("/companies/999999999");
        assertThat(archive.status()).isEqualTo(404);
        assertThat(archive.body().path("type").asString()).isEqualTo("https://peptalk.dev/problems/not-found");
    }

    @Test
    void archivingACompanyKeepsItAndArchivesItsProjectsAndUsers() {
        long company = api.company(DirectoryApi.unique("Closing"));
        long project = api.project(company, "Tower A");
        long user = api.user(company, "Pat", DirectoryApi.unique("pat").replace(' ', '.') + "@example.com");

        assertThat(api.delete("/companies/" + company).status()).isEqualTo(204);
        assertThat(api.delete("/companies/" + company).status()).as("archiving again is harmless").isEqualTo(204);

        assertThat(api.get("/companies/" + company).body().path("status").asString()).isEqualTo("archived");
        assertThat(api.get("/projects/" + project).body().path("status").asString()).isEqualTo("archived");
        assertThat(api.get("/users/" + user).body().path("status").asString()).isEqualTo("deactivated");
        DirectoryApi.Response newProject = api.post("/projects", Map.of("companyId", company, "name", "Tower B"));
        assertThat(newProject.status()).isEqualTo(409);
        assertThat(newProject.body().path("detail").asString()).contains("archived");
    }
}
