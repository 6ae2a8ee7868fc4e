package com.peptalk.web.idempotency;

import com.peptalk.web.edge.WebEdgeAutoConfiguration;
import com.peptalk.web.edge.WebEdgeProperties;
import jakarta.servlet.DispatcherType;
import org.flywaydb.core.api.Location;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.TaskScheduler;

import java.time.Clock;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * {@code Idempotency-Key} for the servlet services that have a database: the key store (its table comes from this
 * library's Flyway location {@code classpath:db/peptalk-web}, added to the service's own), the filter, and a
 * purge of expired keys every {@link IdempotencyProperties#purgeInterval()} (a plain delete: harmless when several
 * replicas run it).
 */
@AutoConfiguration(after = WebEdgeAutoConfiguration.class, afterName = {
        "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
        "org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean(JdbcClient.class)
@EnableConfigurationProperties(IdempotencyProperties.class)
public class IdempotencyAutoConfiguration {

    static final String MIGRATIONS = "classpath:db/peptalk-web";
    static final int IDEMPOTENCY_ORDER = -99;

    @Bean
    IdempotencyKeys idempotencyKeys(JdbcClient jdbc, ObjectProvider<Clock> clock) {
        return new IdempotencyKeys(jdbc, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotencyKeys keys,
            IdempotencyProperties properties, WebEdgeProperties edge, ObjectProvider<Clock> clock,
            ObjectProvider<TaskScheduler> scheduler) {
        FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(
                new IdempotencyFilter(keys, properties, edge, clock.getIfAvailable(Clock::systemUTC)));
        // after Spring Security's filter chain (-100), so that the caller's subject scopes the key
        registration.setOrder(IDEMPOTENCY_ORDER);
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        scheduler.ifAvailable(tasks -> tasks.scheduleWithFixedDelay(keys::purgeExpired, properties.purgeInterval()));
        return registration;
    }

    @Bean
    @ConditionalOnClass(FlywayConfigurationCustomizer.class)
    FlywayConfigurationCustomizer idempotencyMigrations() {
        return configuration -> configuration.locations(Stream.concat(
                Arrays.stream(configuration.getLocations()).map(Location::getDescriptor), Stream.of(MIGRATIONS))
                .distinct().toArray(String[]::new));
    }
}
