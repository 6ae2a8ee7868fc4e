package com.peptalk.iframe;

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
        assertThat(Schema.tables(jdbc)).contains("projects", "project_message_stats", "messages", "kiosks", "processed_events");
    }
}
