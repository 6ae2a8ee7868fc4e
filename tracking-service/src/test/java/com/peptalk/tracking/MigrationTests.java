package com.peptalk.tracking;

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
        assertThat(Schema.tables(jdbc)).contains("webhook_log", "webhook_receipts", "event_outbox", "processed_events");
    }
}
