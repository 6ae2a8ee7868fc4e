package com.peptalk.events.support;

import com.peptalk.events.EventCodec;
import com.peptalk.events.EventPublisher;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;

/**
 * What needs the service's database: de-duplication of consumed events and the transactional outbox. A service
 * without a database (the gateway) only publishes.
 */
@AutoConfiguration(after = EventsAutoConfiguration.class, afterName = {
        "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
        "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration" })
@ConditionalOnClass(JdbcTemplate.class)
@ConditionalOnBean({ JdbcTemplate.class, PlatformTransactionManager.class, EventCodec.class, EventPublisher.class })
public class EventJdbcAutoConfiguration {

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
}
