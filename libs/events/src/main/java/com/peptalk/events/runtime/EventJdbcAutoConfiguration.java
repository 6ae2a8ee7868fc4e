package com.peptalk.events.runtime;

import com.peptalk.events.EventCodec;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.Location;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * What needs the service's database: de-duplication of consumed events, the transactional outbox and its relay,
 * their tables (a Flyway location added to the service's own) and their purge. Scheduled work runs on Spring's
 * scheduler, on one replica at a time (ShedLock, lock rows in the service's database). A service without a
 * database (the gateway) gets none of this.
 */
@AutoConfiguration(after = EventsAutoConfiguration.class,
        beforeName = "org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration",
        afterName = { "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
                "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration" })
@ConditionalOnClass(JdbcTemplate.class)
@ConditionalOnBean({ JdbcTemplate.class, PlatformTransactionManager.class, EventCodec.class, EventPublisher.class })
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
public class EventJdbcAutoConfiguration {

    /** Where the runtime's tables are migrated from; added to the service's own Flyway locations. */
    public static final String TABLES_LOCATION = "classpath:db/peptalk-events";

    @Bean
    @ConditionalOnMissingBean
    ProcessedEvents processedEvents(JdbcTemplate jdbc) {
        return new ProcessedEvents(jdbc);
    }

    @Bean
    @ConditionalOnMissingBean
    EventInbox eventInbox(EventCodec codec, ProcessedEvents processed, PlatformTransactionManager transactions) {
        return new EventInbox(codec, processed, new TransactionTemplate(transactions));
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(name = "peptalk.events.outbox.enabled", havingValue = "true")
    EventOutbox eventOutbox(JdbcTemplate jdbc, EventCodec codec) {
        return new EventOutbox(jdbc, codec);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(name = "peptalk.events.outbox.enabled", havingValue = "true")
    OutboxRelay outboxRelay(JdbcTemplate jdbc, PlatformTransactionManager transactions, EventPublisher publisher,
            EventsProperties properties) {
        return new OutboxRelay(jdbc, new TransactionTemplate(transactions), publisher, properties.outbox(),
                Clock.systemUTC());
    }

    @Bean
    @ConditionalOnMissingBean
    EventTablesPurge eventTablesPurge(JdbcTemplate jdbc, EventsProperties properties) {
        return new EventTablesPurge(jdbc, properties.purge(), Clock.systemUTC());
    }

    /** ShedLock's lock rows, in the {@code shedlock} table of {@link #TABLES_LOCATION}, timed by the database. */
    @Bean
    @ConditionalOnMissingBean
    LockProvider peptalkLockProvider(JdbcTemplate jdbc) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(jdbc)
                .usingDbTime()
                .build());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({ Flyway.class, FlywayConfigurationCustomizer.class })
    static class TablesMigration {

        @Bean
        FlywayConfigurationCustomizer peptalkEventTablesLocation() {
            return configuration -> configuration.locations(Stream.concat(
                    Arrays.stream(configuration.getLocations()), Stream.of(new Location(TABLES_LOCATION)))
                    .distinct().toArray(Location[]::new));
        }
    }
}
