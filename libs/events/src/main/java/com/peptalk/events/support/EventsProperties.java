package com.peptalk.events.support;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
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
 */
@Validated
@ConfigurationProperties("peptalk.events")
public record EventsProperties(@NotNull URI source, @Valid @DefaultValue Topics topics, @Valid @DefaultValue Retry retry,
        @Valid @DefaultValue Outbox outbox) {

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
     * @param enabled whether this service relays an {@code event_outbox} table (its migrations must create it)
     * @param pollInterval how often the relay looks for unpublished rows
     * @param batchSize rows published per round
     * @param sendTimeout how long a batch may wait for the broker's acknowledgements
     * @param retention how long published rows are kept (for inspection) before they are purged
     */
    public record Outbox(@DefaultValue("false") boolean enabled, @DefaultValue("200ms") @NotNull Duration pollInterval,
            @DefaultValue("100") @Min(1) @Max(10_000) int batchSize, @DefaultValue("10s") @NotNull Duration sendTimeout,
            @DefaultValue("7d") @NotNull Duration retention) {
    }
}
