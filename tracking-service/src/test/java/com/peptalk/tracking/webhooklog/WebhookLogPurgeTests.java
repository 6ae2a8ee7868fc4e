package com.peptalk.tracking.webhooklog;

import com.peptalk.testsupport.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@ServiceTest
class WebhookLogPurgeTests {

    @Autowired
    WebhookLogPurge purge;

    @Autowired
    JdbcTemplate jdbc;

    UUID entry(Instant at, UUID replayOf) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                insert into webhook_log (id, provider, received_at, method, path, headers, response_status, outcome, failure, replay_of)
                values (?, 'procore', ?, 'POST', '/webhooks/procore', '{}'::jsonb, 401, 'refused', true, ?)
                """, id, Timestamp.from(at), replayOf);
        return id;
    }

    @Test
    void deletesEntriesAndReceiptsOlderThanTheRetentionAndKeepsNewerReplays() {
        Instant old = Instant.now().minus(Duration.ofDays(31));
        UUID expired = entry(old, null);
        UUID replay = entry(Instant.now(), expired);
        jdbc.update("insert into webhook_receipts (provider, receipt_key, received_at) values ('procore', ?, ?)", expired.toString(), Timestamp.from(old));

        assertThat(purge.purge()).isPositive();

        assertThat(jdbc.queryForObject("select count(*) from webhook_log where id = ?", Long.class, expired)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from webhook_receipts where receipt_key = ?", Long.class, expired.toString())).isZero();
        assertThat(jdbc.queryForObject("select replay_of from webhook_log where id = ?", UUID.class, replay)).isNull();
    }
}
