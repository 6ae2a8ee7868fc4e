package com.peptalk.iframe.dashboard;

import com.peptalk.events.ReceivedEvent;
import com.peptalk.events.Topics;
import com.peptalk.events.automation.WorkflowRunFinished;
import com.peptalk.events.automation.WorkflowUpserted;
import com.peptalk.events.runtime.EventInbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;

/**
 * Workflows (the newer upsert wins) and their finished runs (a run finishes once), for "active workflows and their
 * last runs". A run may arrive before its workflow: it is kept and shows once the workflow is known.
 * <p>
 * Plain SQL (JdbcClient), not JPA: a read model kept by one upsert per event, in which an older event never wins.
 */
@Component
class WorkflowProjection {

    static final String CONSUMER = "iframe-workflows";

    private final EventInbox inbox;
    private final JdbcClient jdbc;

    WorkflowProjection(EventInbox inbox, JdbcClient jdbc) {
        this.inbox = inbox;
        this.jdbc = jdbc;
    }

    @KafkaListener(id = CONSUMER, topics = Topics.WORKFLOW_EVENTS)
    void on(ConsumerRecord<String, byte[]> record) {
        inbox.receive(CONSUMER, record, this::apply);
    }

    private void apply(ReceivedEvent received) {
        switch (received.event()) {
            case WorkflowUpserted workflow -> jdbc.sql("""
                    insert into workflows (workflow_id, company_id, name, status, project_ids, updated_at)
                    values (?, ?, ?, ?, ?, ?)
                    on conflict (workflow_id) do update
                    set company_id = excluded.company_id, name = excluded.name, status = excluded.status,
                        project_ids = excluded.project_ids, updated_at = excluded.updated_at
                    where workflows.updated_at <= excluded.updated_at
                    """).params(workflow.workflowId(), workflow.companyId(), workflow.name(), workflow.status(),
                    workflow.projectIds().toArray(Long[]::new), Timestamp.from(received.envelope().time())).update();
            case WorkflowRunFinished run -> jdbc.sql("""
                    insert into workflow_runs (run_id, workflow_id, workflow_name, project_ids, cause, status, messages,
                                               started_at, finished_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (run_id) do nothing
                    """).params(run.runId(), run.workflowId(), run.workflowName(), run.projectIds().toArray(Long[]::new),
                    run.cause(), run.status(), run.messages(),
                    run.startedAt() == null ? null : Timestamp.from(run.startedAt()),
                    Timestamp.from(run.finishedAt() == null ? received.envelope().time() : run.finishedAt())).update();
            default -> {
                // no other events on this topic
            }
        }
    }
}
