package com.peptalk.token.directory;

import com.peptalk.testsupport.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@ServiceTest
class UserApiTests {

    @LocalServerPort
    int port;

    DirectoryApi api;
    long company;

    @BeforeEach
    void setUp() {
        api = new DirectoryApi(port);
        company = api.company(DirectoryApi.unique("Employer"));
    }

    @Test
    void createsReadsAndUpdatesAUser() {
        DirectoryApi.Response created = api.post("/users",
                Map.of("companyId", company, "name", "Dana Reyes", "email", "dana@example.com"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValue("/api/directory/users/" + created.id());
        assertThat(created.body().path("role").asString()).isEqualTo("member");
        assertThat(created.body().path("status").asString()).isEqualTo("active");

        DirectoryApi.Response updated = api.put("/users/" + created.id(), Map.of("name", "Dana Reyes-Ortiz",
                "email", "dana.ortiz@example.com", "role", "safety-manager", "status", "active"));

        assertThat(updated.status()).isEqualTo(200);
        DirectoryApi.Response read = api.get("/users/" + created.id());
        assertThat(read.body().path("name").asString()).isEqualTo("Dana Reyes-Ortiz");
        assertThat(read.body().path("email").asString()).isEqualTo("dana.ortiz@example.com");
        assertThat(read.body().path("role").asString()).isEqualTo("safety-manager");
        assertThat(read.body().path("companyId").asLong()).isEqualTo(company);
    }

    @Test
    void refusesAnInvalidEmailOrRoleNamingTheField() {
        DirectoryApi.Response noAt = api.post("/users", Map.of("companyId", company, "name", "X", "email", "nope"));
        DirectoryApi.Response noDomain = api.post("/users",
                Map.of("companyId", company, "name", "X", "email", "someone@localhost"));
        DirectoryApi.Response badRole = api.post("/users",
                Map.of("companyId", company, "name", "X", "email", "x@example.com", "role", "Chief Boss!"));

        assertThat(noAt.status()).isEqualTo(400);
        assertThat(noAt.errorFields()).containsExactly("email");
        assertThat(noDomain.errorFields()).containsExactly("email");
        assertThat(badRole.errorFields()).containsExactly("role");
    }

    @Test
    void refusesAnEmailAlreadyUsedInTheCompanyWhateverItsCase() {
        api.user(company, "First", "sam@example.com");
        long second = api.user(company, "Second", "sam2@example.com");

        DirectoryApi.Response duplicate = api.post("/users",
                Map.of("companyId", company, "name", "Again", "email", "SAM@Example.com"));
        DirectoryApi.Response changedTo = api.put("/users/" + second,
                Map.of("name", "Second", "email", "Sam@example.com", "role", "member", "status", "active"));
        DirectoryApi.Response otherCompany = api.post("/users", Map.of("companyId",
                api.company(DirectoryApi.unique("Other employer")), "name", "Sam", "email", "sam@example.com"));

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.body().path("detail").asString()).doesNotContain("sam@");
        assertThat(changedTo.status()).isEqualTo(409);
        assertThat(api.get("/users/" + second).body().path("email").asString()).isEqualTo("sam2@example.com");
        assertThat(otherCompany.status()).isEqualTo(201);
    }

    @Test
    void deactivatingAUserKeepsIt() {
        long user = api.user(company, "Leaving", "leaving@example.com");

        assertThat(api.delete("/users/" + user).status()).isEqualTo(204);

        DirectoryApi.Response read = api.get("/users/" + user);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().path("status").asString()).isEqualTo("deactivated");
    }

    @Test
    void listsUsersByCompanyStatusRoleAndNameOrEmail() {
        long alex = api.user(company, "Alex Kim", "alex@example.com");
        long blair = api.user(company, "Blair Fox", "blair@kim-builders.com");
        long casey = api.user(company, "Casey Lee", "casey@example.com");
        api.put("/users/" + casey,
                Map.of("name", "Casey Lee", "email", "casey@example.com", "role", "admin", "status", "active"));
        api.delete("/users/" + blair);

        assertThat(ids(api.get("/users?companyId=" + company))).containsExactly(alex, blair, casey);
        assertThat(ids(api.get("/users?companyId=" + company + "&q=KIM"))).containsExactly(alex, blair);
        assertThat(ids(api.get("/users?companyId=" + company + "&q=kim&status=active"))).containsExactly(alex);
        assertThat(ids(api.get("/users?companyId=" + company + "&role=admin"))).containsExactly(casey);
    }

    @Test
    void refusesMalformedIdsAndAnswersNotFoundForUnknownUsers() {
        assertThat(api.get("/users/abc").errorFields()).containsExactly("id");
        assertThat(api.get("/users/999999999").status()).isEqualTo(404);
        assertThat(api.delete("/users/999999999").status()).isEqualTo(404);
    }

    private static java.util.List<Long> ids(DirectoryApi.Response page) {
        assertThat(page.status()).as(page.body().toString()).isEqualTo(200);
        return page.body().path("items").valueStream().map(item -> item.path("id").asLong()).toList();
    }
}
