package com.peptalk.testsupport.app;

import com.peptalk.events.Topics;
import com.peptalk.events.directory.ProjectUpserted;
import com.peptalk.events.runtime.EventInbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** A minimal service that consumes directory events through the shared inbox, as real services do. */
@SpringBootApplication
public class InfrastructureTestApplication {

    @Component
    static class ProjectListener {

        private final EventInbox inbox;
        private final JdbcTemplate jdbc;

        ProjectListener(EventInbox inbox, JdbcTemplate jdbc) {
            this.inbox = inbox;
            this.jdbc = jdbc;
        }

        @KafkaListener(topics = Topics.DIRECTORY, groupId = "infrastructure-test")
        void on(ConsumerRecord<String, byte[]> record) {
            inbox.receive("infrastructure-test", record, received -> {
                if (received.event() instanceof ProjectUpserted project) {
                    jdbc.update("insert into received_projects (project_id, name, received) values (?, ?, 1)",
                            project.projectId(), project.name());
                    if (project.name().startsWith("poison")) {
                        throw new IllegalStateException("cannot handle " + project.name());
                    }
                }
            });
        }
    }
}
