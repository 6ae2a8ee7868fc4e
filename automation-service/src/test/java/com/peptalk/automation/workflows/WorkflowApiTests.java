package com.peptalk.automation.workflows;

import com.peptalk.automation.AutomationApi;
import com.peptalk.automation.Company;
import com.peptalk.automation.Directory;
import com.peptalk.events.Topics;
import com.peptalk.events.automation.WorkflowUpserted;
import com.peptalk.events.runtime.EventPublisher;
import com.peptalk.testsupport.EventProbe;
import com.peptalk.testsupport.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@ServiceTest
class WorkflowApiTests {

    @LocalServerPort
    int port;
    @Autowired
    EventPublisher publisher;
    @Autowired
    JdbcClient jdbc;

    AutomationApi api;
    Company company;
    long project;
    long sms;

    @BeforeEach
    void setUp() {
        api = new AutomationApi(port);
        company = new Company(api, new Directory(publisher, jdbc));
        project = company.project("Harbor Tower", "America/Chicago");
        sms = company.smsTemplate("kiosk-down", "Kiosk {{ event.kiosk_id }} is down", "event.kiosk_id");
    }

    Map<String, Object> kioskWorkflow() {
        Map<String, Object> workflow = company.workflow("Kiosk down", "SMS", sms, Company.eventProject("site_manager"));
        workflow.put("trigger", Map.of("type", "kiosk.offline", "condition", "minutes_since_last_seen >= 10"));
        workflow.put("frequencyCap", Map.of("messages", 1, "window", "PT1H"));
        workflow.put("quietHours", Map.of("start", "21:00", "end", "07:00"));
        return workflow;
    }

    @Test
    void savesAWorkflowAndAnnouncesItOnTheWorkflowEvents() {
        try (EventProbe probe = EventProbe.listen(Topics.WORKFLOW_EVENTS)) {
            String id = company.create(kioskWorkflow());
            AutomationApi.Response read = api.get("/workflows/" + id);
            assertThat(read.body().path("triggerType").asString()).isEqualTo("kiosk.offline");
            assertThat(read.body().path("frequencyCap").path("messages").asInt()).isEqualTo(1);
            assertThat(read.body().path("status").asString()).isEqualTo("ACTIVE");
            probe.awaitEvent(received -> received.event() instanceof WorkflowUpserted upserted
                    && upserted.workflowId().equals(UUID.fromString(id)) && upserted.status().equals("active"),
                    Duration.ofSeconds(30));

            Map<String, Object> paused = kioskWorkflow();
            paused.put("status", "PAUSED");
            assertThat(api.put("/workflows/" + id, paused).status()).isEqualTo(200);
            probe.awaitEvent(received -> received.event() instanceof WorkflowUpserted upserted
                    && upserted.workflowId().equals(UUID.fromString(id)) && upserted.status().equals("paused"),
                    Duration.ofSeconds(30));
        }
    }

    @Test
    void refusesAnInvalidCadenceRuleNamingTheFieldAndSavesNothing() {
        Map<String, Object> workflow = company.workflow("Digest", "SMS", sms,
                Map.of("kind", "PROJECTS", "projectIds", List.of(project), "roles", List.of("site_manager")));
        workflow.put("cadence", Map.of("frequency", "WEEKLY", "time", "07:00"));
        assertRefused(api.post("/workflows", workflow), 400, "cadence.days");

        workflow.put("cadence", Map.of("frequency", "MONTHLY", "dayOfMonth", 32, "time", "07:00"));
        assertRefused(api.post("/workflows", workflow), 400, "cadence.dayOfMonth");

        workflow.put("cadence", Map.of("frequency", "DAILY", "time", "07:00", "startsOn", "2026-05-01", "endsOn", "2026-04-01"));
        assertRefused(api.post("/workflows", workflow), 400, "cadence.endsOn");
    }

    @Test
    void refusesAConditionThatDoesNotParseAndAnUnknownTriggerType() {
        Map<String, Object> workflow = kioskWorkflow();
        workflow.put("trigger", Map.of("type", "kiosk.offline", "condition", "minutes_since_last_seen >= ("));
        assertRefused(api.post("/workflows", workflow), 400, "trigger.condition");
        workflow.put("trigger", Map.of("type", "kiosk.exploded"));
        assertRefused(api.post("/workflows", workflow), 400, "trigger.type");
    }

    @Test
    void refusesUnknownTemplateVersionsProjectsAndGroups() {
        Map<String, Object> workflow = kioskWorkflow();
        workflow.put("template", Map.of("templateId", sms, "version", 2));
        assertRefused(api.post("/workflows", workflow), 422, "template");

        workflow = kioskWorkflow();
        workflow.put("audience", Map.of("kind", "PROJECTS", "projectIds", List.of(project, 987_654_321_987L),
                "roles", List.of("site_manager")));
        assertRefused(api.post("/workflows", workflow), 422, "audience.projectIds");

        workflow.put("audience", Map.of("kind", "PROJECT_GROUP", "projectGroupId", 987_654_321_987L,
                "roles", List.of("site_manager")));
        assertRefused(api.post("/workflows", workflow), 422, "audience.projectGroupId");

        workflow = kioskWorkflow();
        workflow.put("channel", "EMAIL");
        assertRefused(api.post("/workflows", workflow), 400, "template");
    }

    private void assertRefused(AutomationApi.Response refused, int status, String field) {
        assertThat(refused.status()).as(refused.text()).isEqualTo(status);
        assertThat(refused.errorFields()).as(refused.text()).contains(field);
        assertThat(api.get("/workflows?companyId=" + company.id).body().size()).isZero();
    }
}
