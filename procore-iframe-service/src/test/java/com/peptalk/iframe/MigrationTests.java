package com.peptalk.iframe;

import com.peptalk.testsupport.Schema;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationTests extends IframeServiceTest {

    @Test
    void createsTheTablesThisServiceOwns() {
        assertThat(Schema.appliedMigrations(jdbc)).containsExactly("1:true", "2:true", "3:true");
        assertThat(Schema.tables(jdbc)).contains("projects", "messages", "message_outcomes", "kiosks", "workflows",
                "workflow_runs", "daily_message_outcomes", "processed_events").doesNotContain("project_message_stats");
        assertThat(Schema.columns(jdbc, "message_outcomes")).containsExactly("message_id", "channel", "outcome",
                "occurred_at", "detail");
    }
}
