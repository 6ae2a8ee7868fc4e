package com.peptalk.automation.triggers;

import com.peptalk.automation.projects.Project;
import com.peptalk.automation.projects.Projects;
import com.peptalk.automation.runs.RunCause;
import com.peptalk.automation.runs.RunRecord;
import com.peptalk.automation.runs.RunRecords;
import com.peptalk.automation.runs.WorkflowRunner;
import com.peptalk.automation.workflows.TriggerTypes;
import com.peptalk.automation.workflows.WorkflowPlan;
import com.peptalk.automation.workflows.WorkflowService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Every trigger, from whichever source, ends here: it is recorded with its outcome (the {@code triggers} table, plain
 * SQL: an append-only log), and starts each active workflow of its company for its type, each at most once. A trigger
 * of an unknown type, or for a project automation does not know, is recorded and ignored: never an error, so a
 * consumer never loops on it.
 */
@Component
class TriggerIntake {

    private static final Logger log = LoggerFactory.getLogger(TriggerIntake.class);

    private final WorkflowService workflows;
    private final WorkflowRunner runner;
    private final Projects projects;
    private final RunRecords runs;
    private final JdbcClient jdbc;
    private final Clock clock;

    TriggerIntake(WorkflowService workflows, WorkflowRunner runner, Projects projects, RunRecords runs, JdbcClient jdbc,
            Clock clock) {
        this.runs = runs;
        this.workflows = workflows;
        this.runner = runner;
        this.projects = projects;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What became of a trigger: its outcome and the runs it started. */
    record Intake(UUID triggerId, String triggerType, String outcome, List<RunRecord> runs) {
    }

    /**
     * Takes a trigger in. {@code companyId} says whose workflows it may start when the trigger names no project
     * (a company-level Procore resource); otherwise the project's company decides.
     */
    @Transactional
    public Intake accept(RunCause.Trigger trigger, Long companyId, String source) {
        if (jdbc.sql("select count(*) from triggers where id = ?").param(trigger.id()).query(Long.class).single() > 0) {
            return new Intake(trigger.id(), trigger.type(), "duplicate", List.of());
        }
        String outcome;
        List<RunRecord> started = new ArrayList<>();
        Optional<Project> project = trigger.projectId() == null ? Optional.empty() : projects.find(trigger.projectId());
        Long company = project.map(Project::companyId).orElse(trigger.projectId() == null ? companyId : null);
        if (!TriggerTypes.known(trigger.type())) {
            outcome = "ignored: unknown trigger type";
            log.info("trigger {} of unknown type recorded and ignored", trigger.id());
        }
        else if (company == null) {
            outcome = "ignored: unknown project";
        }
        else {
            for (WorkflowPlan workflow : workflows.activeFor(trigger.type())) {
                if (workflow.companyId() == company) {
                    runner.run(workflow, trigger).ifPresent(started::add);
                }
            }
            outcome = started.isEmpty() ? "no active workflow" : "started " + started.size() + " run(s)";
        }
        jdbc.sql("""
                insert into triggers (id, trigger_type, project_id, source, outcome, received_at)
                values (?, ?, ?, ?, ?, ?)
                """).params(trigger.id(), trigger.type(), trigger.projectId(), source, outcome,
                Timestamp.from(clock.instant())).update();
        return new Intake(trigger.id(), trigger.type(), outcome, started);
    }

    /** A recorded trigger: its outcome and the runs it started. */
    Optional<Intake> find(UUID id) {
        return jdbc.sql("select trigger_type, outcome from triggers where id = ?").param(id)
                .query((rs, i) -> new Intake(id, rs.getString(1), rs.getString(2), runs.ofTrigger(id))).optional();
    }
}
