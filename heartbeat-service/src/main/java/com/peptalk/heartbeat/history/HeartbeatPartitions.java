package com.peptalk.heartbeat.history;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Keeps the raw heartbeat table's daily partitions (PostgreSQL declarative partitioning): creates today's and the
 * next days' ahead of time, drops whole days older than the raw retention (a {@code drop table} of a partition,
 * instead of a {@code delete} of millions of rows), and deletes rollups and flips past their longer retention. Runs
 * at start-up and then every {@code maintenance-interval}, on one replica at a time (ShedLock).
 */
@Component
class HeartbeatPartitions {

    private static final Logger log = LoggerFactory.getLogger(HeartbeatPartitions.class);
    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final int DAYS_AHEAD = 3;

    private final JdbcClient jdbc;
    private final HistoryProperties properties;
    private final Clock clock;

    HeartbeatPartitions(JdbcClient jdbc, HistoryProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(initialDelay = 0, fixedDelayString = "${peptalk.heartbeats.history.maintenance-interval:1h}")
    @SchedulerLock(name = "heartbeat-partitions", lockAtMostFor = "PT10M")
    void maintain() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        for (int day = -1; day <= DAYS_AHEAD; day++) {
            create(today.plusDays(day));
        }
        dropBefore(LocalDate.ofInstant(clock.instant().minus(properties.rawRetention()), ZoneOffset.UTC));
        purgeRollupsAndFlips();
    }

    /** The partition of one UTC day, if it does not exist yet. */
    @Transactional
    void create(LocalDate day) {
        // DDL cannot take bind parameters; the name and bounds come from a LocalDate, never from input
        jdbc.sql("create table if not exists " + partition(day) + " partition of heartbeats for values from ('"
                + day + "T00:00:00Z') to ('" + day.plusDays(1) + "T00:00:00Z')").update();
    }

    /** Drops the partitions of the days before {@code firstKept}; returns their names. */
    List<String> dropBefore(LocalDate firstKept) {
        List<String> old = jdbc.sql("""
                select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
                join pg_class p on p.oid = i.inhparent
                where p.relname = 'heartbeats' and c.relname ~ '^heartbeats_[0-9]{8}$' and c.relname < ?
                order by c.relname
                """).param(partition(firstKept)).query(String.class).list();
        old.forEach(name -> jdbc.sql("drop table if exists " + name).update());
        if (!old.isEmpty()) {
            log.info("dropped {} raw heartbeat partition(s) older than {}", old.size(), firstKept);
        }
        return old;
    }

    private void purgeRollupsAndFlips() {
        Timestamp before = Timestamp.from(clock.instant().minus(properties.rollupRetention()));
        jdbc.sql("delete from heartbeat_rollups where hour < ?").param(before).update();
        jdbc.sql("delete from kiosk_status_flips where flipped_at < ?").param(before).update();
    }

    static String partition(LocalDate day) {
        return "heartbeats_" + SUFFIX.format(day);
    }
}
