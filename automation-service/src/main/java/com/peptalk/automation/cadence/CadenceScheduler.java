package com.peptalk.automation.cadence;

import com.peptalk.automation.projects.Project;
import com.peptalk.automation.projects.Projects;
import com.peptalk.automation.runs.RunCause;
import com.peptalk.automation.runs.WorkflowRunner;
import com.peptalk.automation.workflows.CadenceRule;
import com.peptalk.automation.workflows.WorkflowPlan;
import com.peptalk.automation.workflows.WorkflowService;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs cadence workflows when their occurrences come, per time zone of their projects (a weekly digest at 07:00 runs
 * at 07:00 in Chicago for the Chicago projects and at 07:00 in Denver for the Denver ones).
 * <p>
 * At most once per occurrence, with any number of replicas: the tick runs on one replica at a time (ShedLock), each
 * due schedule row is taken {@code for update skip locked}, and the run itself is claimed by a unique key on
 * (workflow, occurrence, zone), which a late or second attempt cannot pass. Missed occurrences (the service was down):
 * the latest one runs once, late; the ones before it are skipped, never run N times. Plain SQL (JdbcClient) for the
 * schedule: a locking queue read, which JPA does not express.
 */
@Component
class CadenceScheduler {

    static final String LOCK = "automation-cadence";

    private final WorkflowService workflows;
    private final WorkflowRunner runner;
    private final Projects projects;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    CadenceScheduler(WorkflowService workflows, WorkflowRunner runner, Projects projects, JdbcClient jdbc,
            TransactionTemplate transactions, Clock clock) {
        this.workflows = workflows;
        this.runner = runner;
        this.projects = projects;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** A changed workflow starts its schedule afresh (its rule, projects or status may have changed). */
    @EventListener
    void on(WorkflowService.WorkflowSaved saved) {
        jdbc.sql("delete from cadence_schedule where workflow_id = ?").param(saved.plan().id()).update();
    }

    @Scheduled(fixedDelayString = "${peptalk.automation.cadence-tick:1m}")
    @SchedulerLock(name = LOCK, lockAtMostFor = "PT10M")
    void scheduled() {
        tick(clock.instant());
    }

    /** Plans the zones of every active cadence workflow, then runs each due occurrence; answers the runs started. */
    int tick(Instant now) {
        List<UUID> cadenceWorkflows = jdbc.sql("select id from workflows where cadence_frequency is not null and status = 'ACTIVE'")
                .query(UUID.class).list();
        for (UUID id : cadenceWorkflows) {
            transactions.executeWithoutResult(status -> workflows.find(id).ifPresent(plan -> plan(plan, now)));
        }
        int started = 0;
        while (true) {
            Integer ran = transactions.execute(status -> runNextDue(now));
            if (ran == null || ran < 0) {
                return started;
            }
            started += ran;
        }
    }

    /** A schedule row for each time zone of the workflow's projects that has none yet. */
    private void plan(WorkflowPlan workflow, Instant now) {
        List<Project> covered = workflow.audienceKind() == WorkflowPlan.AudienceKind.PROJECT_GROUP
                ? projects.membersOf(workflow.projectGroupId()) : projects.find(workflow.projectIds());
        covered.stream().map(Project::timeZone).distinct().forEach(zone -> workflow.cadence().nextAfter(now, zone)
                .ifPresent(next -> jdbc.sql("""
                        insert into cadence_schedule (workflow_id, time_zone, next_at) values (?, ?, ?)
                        on conflict do nothing
                        """).params(workflow.id(), zone.getId(), Timestamp.from(next)).update()));
    }

    /** Runs one due row (1 if it started a run, 0 if not); -1 when nothing is due. */
    private int runNextDue(Instant now) {
        Optional<Due> due = jdbc.sql("""
                select workflow_id, time_zone, next_at from cadence_schedule where next_at <= ?
                order by next_at limit 1 for update skip locked
                """).param(Timestamp.from(now)).query((rs, i) -> new Due(rs.getObject(1, UUID.class),
                ZoneId.of(rs.getString(2)), rs.getTimestamp(3).toInstant())).optional();
        if (due.isEmpty()) {
            return -1;
        }
        Due row = due.get();
        Optional<WorkflowPlan> workflow = workflows.find(row.workflowId())
                .filter(plan -> plan.status() == WorkflowPlan.Status.ACTIVE && plan.cadence() != null);
        if (workflow.isEmpty()) {
            jdbc.sql("delete from cadence_schedule where workflow_id = ?").param(row.workflowId()).update();
            return 0;
        }
        CadenceRule rule = workflow.get().cadence();
        Instant occurrence = latestDue(rule, row.nextAt(), now, row.zone());
        boolean ran = runner.run(workflow.get(), new RunCause.Occurrence(occurrence, row.zone())).isPresent();
        Optional<Instant> next = rule.nextAfter(now, row.zone());
        if (next.isPresent()) {
            jdbc.sql("update cadence_schedule set next_at = ? where workflow_id = ? and time_zone = ?")
                    .params(Timestamp.from(next.get()), row.workflowId(), row.zone().getId()).update();
        }
        else {
            jdbc.sql("delete from cadence_schedule where workflow_id = ? and time_zone = ?")
                    .params(row.workflowId(), row.zone().getId()).update();
        }
        return ran ? 1 : 0;
    }

    /** The last occurrence at or before {@code now}, starting from the first one due: the one a late run stands for. */
    static Instant latestDue(CadenceRule rule, Instant firstDue, Instant now, ZoneId zone) {
        Instant latest = firstDue;
        Optional<Instant> next = rule.nextAfter(latest, zone);
        while (next.isPresent() && !next.get().isAfter(now)) {
            latest = next.get();
            next = rule.nextAfter(latest, zone);
        }
        return latest;
    }

    private record Due(UUID workflowId, ZoneId zone, Instant nextAt) {
    }
}
