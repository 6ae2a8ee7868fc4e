package com.peptalk.automation;

import com.peptalk.testsupport.Schema;
import com.peptalk.testsupport.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@ServiceTest
class MigrationTests {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void createsTheTablesThisServiceOwns() {
        assertThat(Schema.appliedMigrations(jdbc)).isNotEmpty().allMatch(migration -> migration.endsWith(":true"));
        assertThat(Schema.tables(jdbc)).contains("projects", "project_groups", "contacts", "contact_roles", "contact_projects", "templates", "template_versions", "workflows",
                "workflow_projects", "workflow_roles", "triggers", "workflow_runs", "requested_messages", "cadence_schedule",
                "processed_events", "event_outbox", "shedlock");
    }
}
