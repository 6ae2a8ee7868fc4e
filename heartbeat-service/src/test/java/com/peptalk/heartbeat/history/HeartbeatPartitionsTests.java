package com.peptalk.heartbeat.history;

import com.peptalk.testsupport.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Raw heartbeats are kept in daily partitions: today's and the next days' exist ahead of time (a heartbeat lands in
 * its day's partition, not the default one), and days older than the raw retention (14 days) are dropped whole.
 */
@ServiceTest
class HeartbeatPartitionsTests {

    @Autowired
    HeartbeatPartitions partitions;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void daysAheadAreCreatedAndDaysPastTheRetentionAreDroppedWhole() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate old = today.minusDays(40);
        partitions.create(old);
        jdbc.update("insert into heartbeats (kiosk_id, sent_at, received_at) values ('partition-test', ?, now())",
                Timestamp.from(old.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(3600)));
        assertThat(partitionsOfHeartbeats()).contains(HeartbeatPartitions.partition(old));

        partitions.maintain();

        assertThat(partitionsOfHeartbeats()).doesNotContain(HeartbeatPartitions.partition(old))
                .contains(HeartbeatPartitions.partition(today), HeartbeatPartitions.partition(today.plusDays(3)));
        assertThat(jdbc.queryForObject("select count(*) from heartbeats where kiosk_id = 'partition-test'",
                Integer.class)).isZero();
        jdbc.update("insert into heartbeats (kiosk_id, sent_at, received_at) values ('partition-test', now(), now())");
        assertThat(jdbc.queryForObject("select count(*) from heartbeats_default where kiosk_id = 'partition-test'",
                Integer.class)).isZero();
    }

    private List<String> partitionsOfHeartbeats() {
        return jdbc.queryForList("""
                select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
                join pg_class p on p.oid = i.inhparent where p.relname = 'heartbeats'
                """, String.class);
    }
}
