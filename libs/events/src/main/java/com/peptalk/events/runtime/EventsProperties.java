package com.peptalk.events.runtime;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.net.URI;
import java.time.Duration;

/**
 * How a service publishes and consumes events.
 *
 * @param source the CloudEvents {@code ce_source} of what this service publishes, such as {@code /token-service}
 * @param topics whether to create the platform's topics (and their dead-letter twins) at start-up
 * @param retry back-off of a failing listener before the record goes to {@code <topic>.DLT}
 * @param outbox the transactional outbox of services that change their database and publish
 * @param purge how long {@code processed_events} and published outbox rows are kept
 */
@Validated
@ConfigurationProperties("peptalk.events")
public record EventsProperties(@NotNull URI source, @Valid @DefaultValue Topics topics, @Valid @DefaultValue Retry retry,
        @Valid @DefaultValue Outbox outbox, @Valid @DefaultValue Purge purge) {

    /**
     * @param create whether this service creates missing topics at start-up
     * @param partitions partitions of each topic: the unit of consumer scale
     * @param replicas replication factor (1 for a single local broker, 3 in production)
     */
    public record Topics(@DefaultValue("true") boolean create, @DefaultValue("6") @Min(1) @Max(1000) int partitions,
            @DefaultValue("1") @Min(1) @Max(10) short replicas) {
    }

    /**
     * @param maxRetries retries after the first failure before dead-lettering
     * @param initialInterval first back-off
     * @param multiplier growth of each back-off
     * @param maxInterval longest back-off
     */
    public record Retry(@DefaultValue("4") @Min(0) @Max(20) int maxRetries,
            @DefaultValue("200ms") @NotNull Duration initialInterval, @DefaultValue("2.0") @Min(1) double multiplier,
            @DefaultValue("5s") @NotNull Duration maxInterval) {
    }

    /**
     * @param enabled whether this service relays its {@code event_outbox} table
     * @param pollInterval how long the relay waits after a round before it looks for unpublished rows again
     * @param batchSize rows published per batch
     * @param sendTimeout how long a batch may wait for the broker's acknowledgements
     */
    public record Outbox(@DefaultValue("false") boolean enabled,
            @DefaultValue(DEFAULT_POLL_INTERVAL) @NotNull @DurationMin(millis = 10) @DurationMax(minutes = 1) Duration pollInterval,
            @DefaultValue("100") @Min(1) @Max(10_000) int batchSize,
            @DefaultValue("10s") @NotNull @DurationMin(millis = 100) @DurationMax(seconds = 30) Duration sendTimeout) {

        /** Also the default of the relay's {@code @Scheduled} placeholder: one value for both. */
        static final String DEFAULT_POLL_INTERVAL = "200ms";
    }

    /**
     * @param interval time between the starts of two purge rounds
     * @param processedEventsRetention how long a consumer remembers an event id: longer than any redelivery or
     *        replay that must still be recognised as a duplicate (Kafka keeps records 7 days by default)
     * @param publishedOutboxRetention how long published outbox rows are kept for inspection; unpublished rows
     *        are never purged
     * @param batchSize rows deleted per statement, so a large purge never holds long locks
     */
    public record Purge(@DefaultValue(DEFAULT_INTERVAL) @NotNull @DurationMin(millis = 100) Duration interval,
            @DefaultValue("14d") @NotNull @DurationMin(hours = 1) Duration processedEventsRetention,
            @DefaultValue("7d") @NotNull @DurationMin(minutes = 1) Duration publishedOutboxRetention,
            @DefaultValue("5000") @Min(1) @Max(1_000_000) int batchSize) {

        /** Also the default of the purge's {@code @Scheduled} placeholder: one value for both. */
        static final String DEFAULT_INTERVAL = "1h";
    }
}
