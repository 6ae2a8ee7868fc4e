package com.peptalk.automation.triggers;

import com.peptalk.automation.AutomationApi;
import com.peptalk.automation.Company;
import com.peptalk.automation.Directory;
import com.peptalk.events.Topics;
import com.peptalk.events.automation.TriggerFired;
import com.peptalk.events.automation.WorkflowRunFinished;
import com.peptalk.events.comms.Channel;
import com.peptalk.events.comms.SendRequested;
import com.peptalk.events.kiosk.KioskStatus;
import com.peptalk.events.kiosk.KioskStatusChanged;
import com.peptalk.events.procore.ProcoreResourceChanged;
import com.peptalk.events.runtime.EventPublisher;
import com.peptalk.events.EventEnvelope;
import com.peptalk.testsupport.EventProbe;
import com.peptalk.testsupport.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ServiceTest
class TriggerRunTests {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;
    @Autowired
    EventPublisher publisher;
    @Autowired
    JdbcClient jdbc;

    AutomationApi api;
    Company company;
    long project;

    @BeforeEach
    void setUp() {
        api = new AutomationApi(port);
        company = new Company(api, new Directory(publisher, jdbc));
        project = company.project("Harbor Tower", "America/Chicago");
    }

    @Test
    void aProcoreObservationBecomesAnSmsToSiteManagersWithTheEmailFallbackInTheContent() {
        long ana = company.contact("Ana Diaz", "success@simulator.amazonses.com", "+15005550006", List.of(project), "site_manager");
        company.contact("Bo Chen", "bo@example.com", "+15005550009", List.of(project), "foreman");
        long sms = company.smsTemplate("observation-sms", "{{ recipient.first_name }}: new observation on {{ project.name }}");
        Map<String, Object> workflow = company.workflow("Observation alert", "SMS", sms, Company.eventProject("site_manager"));
        workflow.put("trigger", Map.of("type", "procore.observations.create"));
        workflow.put("fallbackChannel", "EMAIL");
        String workflowId = company.create(workflow);

        try (EventProbe probe = EventProbe.listen(Topics.SEND_REQUESTED, Topics.WORKFLOW_EVENTS)) {
            publisher.publish(new ProcoreResourceChanged("delivery-" + UUID.randomUUID(), company.id, project,
                    "Observations", 4242, "create", Instant.now())).join();

            SendRequested sent = (SendRequested) probe.awaitEvent(received -> received.event() instanceof SendRequested send
                    && send.workflowId().toString().equals(workflowId), WAIT).event();
            assertThat(sent.recipient().contactId()).isEqualTo(ana);
            assertThat(sent.channel()).isEqualTo(Channel.SMS);
            assertThat(sent.fallbackChannel()).isEqualTo(Channel.EMAIL);
            assertThat(sent.content().sms()).isEqualTo("Ana: new observation on Harbor Tower");
            assertThat(sent.content().subject()).isEqualTo("Observation alert");
            assertThat(sent.content().text()).isEqualTo("Ana: new observation on Harbor Tower");
            assertThat(sent.projectIds()).containsExactly(project);
            WorkflowRunFinished finished = (WorkflowRunFinished) probe.awaitEvent(received ->
                    received.event() instanceof WorkflowRunFinished run && run.workflowId().toString().equals(workflowId), WAIT).event();
            assertThat(finished.cause()).isEqualTo("procore.observations.create");
            assertThat(finished.messages()).isEqualTo(1);
            assertThat(finished.status()).isEqualTo("completed");
        }
        AutomationApi.Response runs = api.get("/runs?workflowId=" + workflowId);
        assertThat(runs.body().get(0).path("audience").asInt()).isEqualTo(1);
    }

    @Test
    void aManualTriggerThroughTheApiWithAnIdempotencyKeyRunsOnce() {
        company.contact("Ana Diaz", "ana@example.com", null, List.of(project), "site_manager");
        long email = company.emailTemplate("manual-note", "Note for {{ project.name }}", "<p>{{ event.note }}</p>", "event.note");
        Map<String, Object> workflow = company.workflow("Manual note", "EMAIL", email, Company.eventProject("site_manager"));
        workflow.put("trigger", Map.of("type", "manual"));
        String workflowId = company.create(workflow);

        Map<String, Object> trigger = Map.of("triggerType", "manual", "projectId", project,
                "payload", Map.of("note", "Crane inspection at 7 <sharp>"));
        String key = UUID.randomUUID().toString();
        AutomationApi.Response first = api.post("/triggers", trigger, Map.of("Idempotency-Key", key));
        AutomationApi.Response again = api.post("/triggers", trigger, Map.of("Idempotency-Key", key));

        assertThat(first.status()).as(first.text()).isEqualTo(201);
        assertThat(first.body().path("runs").get(0).path("messages").asInt()).isEqualTo(1);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(api.get("/runs?workflowId=" + workflowId).body().size()).isEqualTo(1);
        AutomationApi.Response unknownProject = api.post("/triggers", Map.of("triggerType", "manual", "projectId", 987_654_321_987L));
        assertThat(unknownProject.status()).isEqualTo(422);
        assertThat(unknownProject.errorFields()).containsExactly("projectId");
        AutomationApi.Response unknownType = api.post("/triggers", Map.of("triggerType", "weather.storm", "projectId", project));
        assertThat(unknownType.status()).isEqualTo(201);
        assertThat(unknownType.body().path("outcome").asString()).isEqualTo("ignored: unknown trigger type");
        assertThat(jdbc.sql("select body_html from template_versions where template_id = ?").param(email)
                .query(String.class).single()).isEqualTo("<p>{{ event.note }}</p>");
        assertThat(jdbc.sql("select payload->'content'->>'html' from event_outbox where event_type = 'com.peptalk.comms.send-requested.v1' "
                + "and payload->>'workflowId' = ?").param(workflowId).query(String.class).single())
                .isEqualTo("<p>Crane inspection at 7 &lt;sharp&gt;</p>");
    }

    @Test
    void aKioskGoingOfflineAlertsWithinItsConditionAndCapThenComingBackSendsTheAllClear() {
        long ana = company.contact("Ana Diaz", null, "+15005550006", List.of(project), "site_manager");
        long offline = company.smsTemplate("kiosk-offline", "Kiosk {{ event.kiosk_id }} offline", "event.kiosk_id");
        long online = company.smsTemplate("kiosk-online", "Kiosk {{ event.kiosk_id }} back online", "event.kiosk_id");
        Map<String, Object> alert = company.workflow("Kiosk offline", "SMS", offline, Company.eventProject("site_manager"));
        alert.put("trigger", Map.of("type", "kiosk.offline", "condition", "minutes_since_last_seen >= 10"));
        alert.put("frequencyCap", Map.of("messages", 1, "window", "PT1H"));
        String alertId = company.create(alert);
        Map<String, Object> clear = company.workflow("Kiosk online", "SMS", online, Company.eventProject("site_manager"));
        clear.put("trigger", Map.of("type", "kiosk.online"));
        String clearId = company.create(clear);

        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        kiosk("K-1", KioskStatus.LATE, KioskStatus.OFFLINE, now.minus(Duration.ofMinutes(3)));
        kiosk("K-1", KioskStatus.LATE, KioskStatus.OFFLINE, now.minus(Duration.ofMinutes(15)));
        kiosk("K-2", KioskStatus.LATE, KioskStatus.OFFLINE, now.minus(Duration.ofMinutes(20)));
        kiosk("K-1", KioskStatus.OFFLINE, KioskStatus.ONLINE, now);
        kiosk("K-1", KioskStatus.LATE, KioskStatus.ONLINE, now);

        await().atMost(WAIT).until(() -> runs(alertId).size() == 3 && runs(clearId).size() == 1);
        List<String> outcomes = runs(alertId).stream().map(run -> run.path("status").asString() + ":"
                + run.path("messages").asInt() + ":" + run.path("skipped").path("capped").asInt()).toList();
        assertThat(outcomes).containsExactlyInAnyOrder("SKIPPED:0:0", "COMPLETED:1:0", "COMPLETED:0:1");
        assertThat(runs(alertId)).anySatisfy(run -> assertThat(run.path("reason").asString()).isEqualTo("condition not met"));
        assertThat(runs(clearId).getFirst().path("messages").asInt()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from requested_messages where contact_id = ?").param(ana)
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void anUnknownTriggerTypeIsRecordedAndIgnoredAndARedeliveredEventStartsNothingTwice() {
        company.contact("Ana Diaz", "ana@example.com", null, List.of(project), "site_manager");
        long email = company.emailTemplate("manual-note", "Note", "<p>Note</p>");
        Map<String, Object> workflow = company.workflow("Manual note", "EMAIL", email, Company.eventProject("site_manager"));
        workflow.put("trigger", Map.of("type", "manual"));
        String workflowId = company.create(workflow);

        UUID unknown = UUID.randomUUID();
        publisher.publish(new TriggerFired(unknown, "weather.storm", project, Map.of())).join();
        TriggerFired manual = new TriggerFired(UUID.randomUUID(), "manual", project, Map.of());
        EventEnvelope envelope = publisher.publish(manual).join();
        publisher.publish(envelope, manual).join();
        publisher.publish(new TriggerFired(manual.triggerId(), "manual", project, Map.of())).join();
        // keyed by the project, so the sentinel comes after the repeats on the same partition
        UUID sentinel = UUID.randomUUID();
        publisher.publish(new TriggerFired(sentinel, "sentinel.last", project, Map.of())).join();

        await().atMost(WAIT).until(() -> api.get("/triggers/" + sentinel).status() == 200);
        assertThat(api.get("/triggers/" + unknown).body().path("outcome").asString())
                .isEqualTo("ignored: unknown trigger type");
        assertThat(api.get("/triggers/" + manual.triggerId()).body().path("outcome").asString()).isEqualTo("started 1 run(s)");
        assertThat(runs(workflowId)).hasSize(1);
    }

    @Test
    void recordsWhoWasSkippedAndWhyAndHoldsMessagesDueInQuietHours() {
        long other = company.project("Riverside Clinic", "America/Denver");
        long group = company.group("West", List.of(project, other));
        company.contact("Ana Diaz", "ana@example.com", null, List.of(project, other), "site_manager");
        long noAddress = company.contact("Bo Chen", null, "+15005550009", List.of(project), "site_manager");
        jdbc.sql("update contacts set sms_opt_in = false where id = ?").param(noAddress).update();
        company.contact("Cy Park", "cy@example.com", null, List.of(other), "site_manager");
        jdbc.sql("update contacts set email_opt_in = false, time_zone = 'UTC' where lower(email) = 'cy@example.com'").update();
        long digest = company.emailTemplate("group-note", "{{ projects | length }} projects",
                "<ul>{% for p in projects %}<li>{{ p.name }}</li>{% endfor %}</ul>");
        Map<String, Object> workflow = company.workflow("Group note", "EMAIL", digest,
                Map.of("kind", "PROJECT_GROUP", "projectGroupId", group, "roles", List.of("site_manager")));
        workflow.put("trigger", Map.of("type", "manual"));
        workflow.put("format", "MULTI_PROJECT");
        LocalTime utcNow = LocalTime.now(ZoneOffset.UTC);
        workflow.put("quietHours", Map.of("start", utcNow.minusHours(11).withSecond(0).withNano(0).toString(),
                "end", utcNow.plusHours(11).withSecond(0).withNano(0).toString()));
        String workflowId = company.create(workflow);
        jdbc.sql("update contacts set time_zone = 'UTC' where company_id = ?").param(company.id).update();

        AutomationApi.Response fired = api.post("/triggers", Map.of("triggerType", "manual", "projectId", project));
        AutomationApi.Response run = api.get("/runs/" + fired.body().path("runs").get(0).path("id").asString());

        assertThat(run.body().path("audience").asInt()).isEqualTo(3);
        assertThat(run.body().path("messages").asInt()).isEqualTo(1);
        assertThat(run.body().path("skipped").path("optedOut").asInt()).isEqualTo(1);
        assertThat(run.body().path("skipped").path("noAddress").asInt()).isEqualTo(1);
        assertThat(run.body().path("delayedByQuietHours").asInt()).isEqualTo(1);
        assertThat(run.body().path("projectIds").size()).isEqualTo(2);
        String payload = jdbc.sql("select payload::text from event_outbox where event_type = 'com.peptalk.comms.send-requested.v1' "
                + "and payload->>'workflowId' = ?").param(workflowId).query(String.class).single();
        assertThat(payload).contains("\"subject\": \"2 projects\"").contains("Harbor Tower").contains("Riverside Clinic")
                .contains("\"notBefore\": \"");
    }

    private void kiosk(String kioskId, KioskStatus previous, KioskStatus current, Instant lastSeen) {
        publisher.publish(new KioskStatusChanged(kioskId, project, previous, current, lastSeen)).join();
    }

    private List<tools.jackson.databind.JsonNode> runs(String workflowId) {
        return api.get("/runs?workflowId=" + workflowId).body().valueStream().toList();
    }
}
