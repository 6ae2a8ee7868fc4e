package com.peptalk.automation;

import com.peptalk.events.directory.ProjectGroupUpserted;
import com.peptalk.events.directory.ProjectUpserted;
import com.peptalk.events.runtime.EventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.awaitility.Awaitility.await;

/**
 * The directory as token-service tells it: publishes its events through the real broker and waits until this
 * service's projection has them. Ids are unique across the test JVM, so test classes sharing a database never meet.
 */
public final class Directory {

    private static final AtomicLong IDS = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    private final EventPublisher publisher;
    private final JdbcClient jdbc;

    public Directory(EventPublisher publisher, JdbcClient jdbc) {
        this.publisher = publisher;
        this.jdbc = jdbc;
    }

    public static long nextId() {
        return IDS.incrementAndGet();
    }

    /** A live project of the company in the time zone, known to automation once this returns. */
    public long project(long companyId, String name, String timeZone) {
        long id = nextId();
        publisher.publish(new ProjectUpserted(id, companyId, name, "active", timeZone, null, null)).join();
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select count(*) from projects where project_id = ?")
                .param(id).query(Long.class).single() == 1);
        return id;
    }

    /** A project group with these members, known to automation once this returns. */
    public long group(long companyId, String name, List<Long> projectIds) {
        long id = nextId();
        publisher.publish(new ProjectGroupUpserted(id, companyId, name, projectIds)).join();
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "select count(*) from project_groups where project_group_id = ?").param(id).query(Long.class).single() == 1);
        return id;
    }
}
