package com.peptalk.automation.projects;

import com.peptalk.events.ReceivedEvent;
import com.peptalk.events.Topics;
import com.peptalk.events.directory.ProjectDeleted;
import com.peptalk.events.directory.ProjectGroupDeleted;
import com.peptalk.events.directory.ProjectGroupMembershipChanged;
import com.peptalk.events.directory.ProjectGroupUpserted;
import com.peptalk.events.directory.ProjectUpserted;
import com.peptalk.events.runtime.EventInbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;

/**
 * Keeps the local copy of the directory's projects (with their time zones) and project groups (with their
 * membership) that audiences and cadence rules are resolved against. Idempotent (the inbox drops redelivered events)
 * and order-tolerant: an older event never overwrites a newer one.
 * <p>
 * Plain SQL (JdbcClient), not JPA: a read model kept by one upsert per event, in which an older event never wins.
 */
@Component
class ProjectProjection {

    static final String CONSUMER = "automation-projects";

    private final EventInbox inbox;
    private final JdbcClient jdbc;

    ProjectProjection(EventInbox inbox, JdbcClient jdbc) {
        this.inbox = inbox;
        this.jdbc = jdbc;
    }

    @KafkaListener(id = CONSUMER, topics = Topics.DIRECTORY)
    void on(ConsumerRecord<String, byte[]> record) {
        inbox.receive(CONSUMER, record, this::apply);
    }

    private void apply(ReceivedEvent received) {
        Timestamp at = Timestamp.from(received.envelope().time());
        switch (received.event()) {
            case ProjectUpserted project -> jdbc.sql("""
                    insert into projects (project_id, company_id, name, time_zone, deleted, updated_at)
                    values (?, ?, ?, ?, false, ?)
                    on conflict (project_id) do update
                    set company_id = excluded.company_id, name = excluded.name, time_zone = excluded.time_zone,
                        deleted = false, updated_at = excluded.updated_at
                    where projects.updated_at <= excluded.updated_at
                    """).params(project.projectId(), project.companyId(), project.name(),
                    project.timeZone(), at).update();
            case ProjectDeleted deleted -> jdbc.sql("""
                    update projects set deleted = true, updated_at = ? where project_id = ? and updated_at <= ?
                    """).params(at, deleted.projectId(), at).update();
            case ProjectGroupUpserted group -> upsertGroup(group.projectGroupId(), group.companyId(), group.name(),
                    group.projectIds().toArray(Long[]::new), at);
            case ProjectGroupMembershipChanged membership -> jdbc.sql("""
                    update project_groups set project_ids = ?, updated_at = ?
                    where project_group_id = ? and updated_at <= ?
                    """).params(membership.projectIds().toArray(Long[]::new), at, membership.projectGroupId(), at)
                    .update();
            case ProjectGroupDeleted deleted -> jdbc.sql("""
                    update project_groups set deleted = true, updated_at = ?
                    where project_group_id = ? and updated_at <= ?
                    """).params(at, deleted.projectGroupId(), at).update();
            default -> {
                // companies and users do not change who a workflow reaches
            }
        }
    }

    private void upsertGroup(long id, long companyId, String name, Long[] projectIds, Timestamp at) {
        jdbc.sql("""
                insert into project_groups (project_group_id, company_id, name, project_ids, deleted, updated_at)
                values (?, ?, ?, ?, false, ?)
                on conflict (project_group_id) do update
                set company_id = excluded.company_id, name = excluded.name, project_ids = excluded.project_ids,
                    deleted = false, updated_at = excluded.updated_at
                where project_groups.updated_at <= excluded.updated_at
                """).params(id, companyId, name, projectIds, at).update();
    }
}
