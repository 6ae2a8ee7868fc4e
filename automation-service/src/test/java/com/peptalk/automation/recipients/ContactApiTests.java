package com.peptalk.automation.recipients;

import com.peptalk.automation.AutomationApi;
import com.peptalk.automation.Directory;
import com.peptalk.events.runtime.EventPublisher;
import com.peptalk.testsupport.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@ServiceTest
class ContactApiTests {

    @LocalServerPort
    int port;
    @Autowired
    EventPublisher publisher;
    @Autowired
    JdbcClient jdbc;

    AutomationApi api;
    long company;
    long project;

    @BeforeEach
    void setUp() {
        api = new AutomationApi(port);
        company = Directory.nextId();
        project = new Directory(publisher, jdbc).project(company, "Harbor Tower", "America/Chicago");
    }

    Map<String, Object> contact(Object phone) {
        Map<String, Object> body = new HashMap<>();
        body.put("companyId", company);
        body.put("name", "Sam Ortiz");
        body.put("email", "Success@Simulator.AmazonSES.com");
        body.put("phone", phone);
        body.put("roles", List.of("site_manager"));
        body.put("projectIds", List.of(project));
        body.put("smsOptIn", true);
        return body;
    }

    @Test
    void createsReadsUpdatesAndDeletesAContactWithItsPhoneInE164() {
        AutomationApi.Response created = api.post("/contacts", contact("+1 500 555 0006"));
        long id = AutomationApi.created(created);
        assertThat(created.body().path("phone").asString()).isEqualTo("+15005550006");
        assertThat(created.body().path("email").asString()).isEqualTo("success@simulator.amazonses.com");
        assertThat(created.body().path("preferredChannel").asString()).isEqualTo("EMAIL");
        assertThat(created.body().path("emailOptIn").asBoolean()).isTrue();

        Map<String, Object> changed = contact("+447911123456");
        changed.put("roles", List.of("site_manager", "safety_officer"));
        assertThat(api.put("/contacts/" + id, changed).status()).isEqualTo(200);
        AutomationApi.Response read = api.get("/contacts/" + id);
        assertThat(read.body().path("phone").asString()).isEqualTo("+447911123456");
        assertThat(read.body().path("roles").valueStream().map(role -> role.asString()).toList())
                .containsExactly("safety_officer", "site_manager");

        assertThat(api.delete("/contacts/" + id).status()).isEqualTo(204);
        assertThat(api.get("/contacts/" + id).status()).isEqualTo(404);
    }

    @Test
    void refusesAPhoneNumberThatIsNotE164NamingTheField() {
        for (String phone : List.of("5005550006", "+1 23", "call me")) {
            AutomationApi.Response refused = api.post("/contacts", contact(phone));
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.errorFields()).containsExactly("phone");
        }
    }

    @Test
    void refusesUnknownProjectsAndSavesNothing() {
        long before = count();
        Map<String, Object> body = contact("+15005550006");
        body.put("projectIds", List.of(project, 999_999_999_999L));
        AutomationApi.Response refused = api.post("/contacts", body);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().path("field").asString()).isEqualTo("projectIds");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void importsTheGoodRowsOfACsvAndReportsEachBadRowWithItsLineAndReason() {
        String csv = """
                name,email,phone,roles,project_ids,preferred_channel,locale,time_zone,email_opt_in,sms_opt_in
                Ana Diaz,ana@example.com,+15005550006,site_manager,%1$d,SMS,es,,yes,yes
                Bo Chen,,12345,site_manager,%1$d,,,,,
                Cy Park,cy@example.com,,foreman;site_manager,%1$d;42424242424,,,,,
                ,nobody@example.com,,site_manager,%1$d,,,,,
                Di Ross,di@example.com,+447911123456,site_manager,%1$d,EMAIL,en,Europe/London,true,false
                """.formatted(project);
        AutomationApi.Response report = api.postText("/contacts/import?companyId=" + company, "text/csv", csv);

        assertThat(report.status()).isEqualTo(200);
        assertThat(report.body().path("imported").asInt()).isEqualTo(2);
        List<Long> lines = report.body().path("rejected").valueStream().map(row -> row.path("line").asLong()).toList();
        assertThat(lines).containsExactly(3L, 4L, 5L);
        List<String> reasons = report.body().path("rejected").valueStream().map(row -> row.path("reason").asString()).toList();
        assertThat(reasons.get(0)).startsWith("phone ");
        assertThat(reasons.get(1)).contains("project_ids").contains("42424242424");
        assertThat(reasons.get(2)).startsWith("name ");
        long ana = report.body().path("contactIds").get(0).asLong();
        assertThat(api.get("/contacts/" + ana).body().path("preferredChannel").asString()).isEqualTo("SMS");
    }

    @Test
    void refusesACsvWithoutTheRequiredColumnsNamingTheBody() {
        AutomationApi.Response refused = api.postText("/contacts/import?companyId=" + company, "text/csv",
                "who,where\nAna,home\n");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("body");
    }

    @Test
    void refusesAnImportOfMoreRowsThanItsLimitAndSavesNothing() {
        long before = count();
        String csv = "name,email,phone,roles,project_ids\n"
                + ("Ana Diaz,ana@example.com,,site_manager," + project + "\n").repeat(ContactImport.MAX_ROWS + 1);
        AutomationApi.Response refused = api.postText("/contacts/import?companyId=" + company, "text/csv", csv);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("body");
        assertThat(count()).isEqualTo(before);
    }

    private long count() {
        return jdbc.sql("select count(*) from contacts").query(Long.class).single();
    }
}
