package com.peptalk.testsupport;

import com.peptalk.events.runtime.EventTablesPurge;
import com.peptalk.events.runtime.EventsProperties;
import com.peptalk.events.runtime.OutboxRelay;
import com.peptalk.testsupport.app.InfrastructureTestApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The scheduled purge of the event runtime's tables against the real database, with the production retentions
 * (14 days of processed event ids, 7 days of published outbox rows) and the interval shortened to 200 ms. The
 * tables themselves come from the runtime's Flyway location: this application's own migration does not create
 * them.
 */
@SpringBootTest(classes = InfrastructureTestApplication.class)
@EmbeddedInfrastructure
class EventTablesPurgeTests {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void processedEventIdsOlderThanTheRetentionArePurgedOnScheduleAndNewerOnesStay() {
        UUID old = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        jdbc.update("insert into processed_events (consumer, event_id, processed_at) values "
                + "('purge-test', ?, now() - interval '15 days'), ('purge-test', ?, now() - interval '13 days')",
                old, recent);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.queryForList(
                "select event_id from processed_events where consumer = 'purge-test'", UUID.class))
                .containsExactly(recent));
    }

    @Test
    void publishedOutboxRowsOlderThanTheRetentionArePurgedOnScheduleAndNewerOnesStay() {
        UUID old = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        String row = """
                insert into event_outbox (event_id, event_type, aggregate_id, source, occurred_at, payload, published_at)
                values (?, 'com.peptalk.directory.company-upserted.v1', 'company:1', '/purge-test',
                        now() - interval '9 days', '{"companyId":1,"name":"Acme","status":"active"}',
                        now() - cast(? as interval))
                """;
        jdbc.update(row, old, "8 days");
        jdbc.update(row, recent, "6 days");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.queryForList(
                "select event_id from event_outbox where source = '/purge-test'", UUID.class))
                .containsExactly(recent));
    }

    @Test
    void theRelayAndThePurgeRunUnderTheirSchedulerLocks() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.queryForList(
                "select name from shedlock", String.class))
                .contains(OutboxRelay.LOCK, EventTablesPurge.LOCK));
    }

    @Test
    void aRetentionTooShortToRecogniseARedeliveryStopsStartUp() {
        new ApplicationContextRunner().withUserConfiguration(PropertiesOnly.class)
                .withPropertyValues("peptalk.events.source=/purge-test",
                        "peptalk.events.purge.processed-events-retention=10m")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .rootCause().hasMessageContaining("processedEventsRetention"));
    }

    @Test
    void theDefaultsKeepTwoWeeksOfProcessedEventIdsAndAWeekOfPublishedOutboxRows() {
        new ApplicationContextRunner().withUserConfiguration(PropertiesOnly.class)
                .withPropertyValues("peptalk.events.source=/purge-test")
                .run(context -> {
                    EventsProperties.Purge purge = context.getBean(EventsProperties.class).purge();
                    assertThat(List.of(purge.processedEventsRetention(), purge.publishedOutboxRetention(),
                            purge.interval())).containsExactly(Duration.ofDays(14), Duration.ofDays(7),
                            Duration.ofHours(1));
                });
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(EventsProperties.class)
    static class PropertiesOnly {
    }
}
