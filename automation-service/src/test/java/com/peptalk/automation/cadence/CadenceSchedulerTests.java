package com.peptalk.automation.cadence;

import com.peptalk.automation.AutomationApi;
import com.peptalk.automation.Company;
import com.peptalk.automation.Directory;
import com.peptalk.events.runtime.EventPublisher;
import com.peptalk.testsupport.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

@ServiceTest
class CadenceSchedulerTests {

    @LocalServerPort
    int port;
    @Autowired
    EventPublisher publisher;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CadenceScheduler scheduler;

    AutomationApi api;
    Company company;

    @BeforeEach
    void setUp() {
        api = new AutomationApi(port);
        company = new Company(api, new Directory(publisher, jdbc));
    }

    @Test
    void aWeeklyDigestRunsOncePerProjectTimeZoneAndMissedWeeksRunOnceLateEvenWithTwoReplicasTicking() {
        long chicago = company.project("Harbor Tower", "America/Chicago");
        long denver = company.project("Riverside Clinic", "America/Denver");
        company.contact("Ana Diaz", "ana@example.com", null, List.of(chicago, denver), "site_manager");
        long digest = company.emailTemplate("weekly-digest", "Your week",
                "<ul>{% for p in projects %}<li>{{ p.name }}</li>{% endfor %}</ul>");
        Map<String, Object> workflow = company.workflow("Weekly digest", "EMAIL", digest,
                Map.of("kind", "PROJECTS", "projectIds", List.of(chicago, denver), "roles", List.of("site_manager")));
        workflow.put("cadence", Map.of("frequency", "WEEKLY", "days", List.of("MONDAY"), "time", "07:00"));
        workflow.put("format", "MULTI_PROJECT");
        UUID id = UUID.fromString(company.create(workflow));

        // planned after Monday 2026-06-01 07:00 Chicago; the service then "sleeps" through three Mondays
        Instant planned = Instant.parse("2026-06-01T13:00:00Z");
        scheduler.tick(planned);
        assertThat(schedule(id)).containsExactlyInAnyOrder(
                "America/Chicago=" + Instant.parse("2026-06-08T12:00:00Z"),
                "America/Denver=" + Instant.parse("2026-06-08T13:00:00Z"));

        Instant wokeUp = Instant.parse("2026-06-23T18:00:00Z");
        List<Integer> started = List.of(CompletableFuture.supplyAsync(() -> scheduler.tick(wokeUp)),
                CompletableFuture.supplyAsync(() -> scheduler.tick(wokeUp))).stream().map(CompletableFuture::join).toList();

        assertThat(started.stream().mapToInt(Integer::intValue).sum()).isEqualTo(2);
        List<String> runs = jdbc.sql("select cause || '@' || occurrence_at::text from workflow_runs where workflow_id = ? order by cause")
                .param(id).query(String.class).list();
        assertThat(runs).hasSize(2);
        assertThat(jdbc.sql("select occurrence_at from workflow_runs where workflow_id = ? order by occurrence_at")
                .param(id).query(Timestamp.class).list()).extracting(Timestamp::toInstant).containsExactly(
                        Instant.parse("2026-06-22T12:00:00Z"), Instant.parse("2026-06-22T13:00:00Z"));
        assertThat(jdbc.sql("select messages from workflow_runs where workflow_id = ?").param(id).query(Integer.class).list())
                .containsExactly(1, 1);
        assertThat(schedule(id)).containsExactlyInAnyOrder(
                "America/Chicago=" + Instant.parse("2026-06-29T12:00:00Z"),
                "America/Denver=" + Instant.parse("2026-06-29T13:00:00Z"));

        assertThat(scheduler.tick(wokeUp)).isZero();
    }

    private List<String> schedule(UUID workflowId) {
        return jdbc.sql("select time_zone, next_at from cadence_schedule where workflow_id = ?").param(workflowId)
                .query((rs, i) -> rs.getString(1) + "=" + rs.getTimestamp(2).toInstant()).list();
    }
}
