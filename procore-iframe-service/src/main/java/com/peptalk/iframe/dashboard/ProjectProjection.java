package com.peptalk.iframe.dashboard;

import com.peptalk.events.ReceivedEvent;
import com.peptalk.events.Topics;
import com.peptalk.events.directory.ProjectDeleted;
import com.peptalk.events.directory.ProjectUpserted;
import com.peptalk.events.runtime.EventInbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.ZoneId;

/**
 * Keeps the local copy of projects that the project list and dashboards show. Idempotent (the inbox drops
 * redelivered events) and order-tolerant: an older event never overwrites a newer one, so replaying the topic
 * from the beginning ends in the same rows.
 * <p>
 * Plain SQL (JdbcClient), not JPA: a read model kept by one upsert per event, in which an older event never wins.
 */
@Component
class ProjectProjection {

    private static final String CONSUMER = "iframe-projects";

    private final EventInbox inbox;
    private final JdbcClient jdbc;
    private final DailyOutcomes daily;

    ProjectProjection(EventInbox inbox, JdbcClient jdbc, DailyOutcomes daily) {
        this.inbox = inbox;
        this.jdbc = jdbc;
        this.daily = daily;
    }

    @KafkaListener(id = CONSUMER, topics = Topics.DIRECTORY)
    void on(ConsumerRecord<String, byte[]> record) {
        inbox.receive(CONSUMER, record, this::apply);
    }

    private void apply(ReceivedEvent received) {
        Timestamp at = Timestamp.from(received.envelope().time());
        switch (received.event()) {
            case ProjectUpserted project -> upserted(project, at);
            case ProjectDeleted deleted -> jdbc.sql("""
                    update projects set deleted = true, updated_at = ?
                    where project_id = ? and updated_at <= ?
                    """).params(at, deleted.projectId(), at).update();
            default -> {
                // other directory events do not change what the iframe shows
            }
        }
    }

    /** The chart's days are the project's: when its zone changes (or it is first heard of), they are counted again. */
    private void upserted(ProjectUpserted project, Timestamp at) {
        ZoneId before = ProjectSummary.zoneOf(timeZone(project.projectId()));
        jdbc.sql("""
                insert into projects (project_id, company_id, name, status, time_zone, deleted, updated_at)
                values (?, ?, ?, ?, ?, false, ?)
                on conflict (project_id) do update
                set company_id = excluded.company_id, name = excluded.name, status = excluded.status,
                    time_zone = excluded.time_zone, deleted = false, updated_at = excluded.updated_at
                where projects.updated_at <= excluded.updated_at
                """).params(project.projectId(), project.companyId(), project.name(), project.status(),
                project.timeZone(), at).update();
        ZoneId after = ProjectSummary.zoneOf(timeZone(project.projectId()));
        if (!after.equals(before)) {
            daily.recount(project.projectId(), after);
        }
    }

    private String timeZone(long projectId) {
        return jdbc.sql("select time_zone from projects where project_id = ?").param(projectId).query(String.class)
                .optional().orElse(null);
    }
}
