package com.peptalk.events;

import org.springframework.kafka.core.KafkaTemplate;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one way a service puts an event on Kafka. Producers are idempotent with {@code acks=all}; a service
 * that also changes its database publishes through its outbox, which calls {@link #publish(EventEnvelope,
 * DomainEvent)} with the envelope it stored, so a re-sent event keeps its {@code ce_id}.
 */
public class EventPublisher {

    private final KafkaTemplate<String, byte[]> kafka;
    private final EventCodec codec;

    public EventPublisher(KafkaTemplate<String, byte[]> kafka, EventCodec codec) {
        this.kafka = kafka;
        this.codec = codec;
    }

    /** Publishes with a new envelope and completes when the broker has acknowledged the record. */
    public CompletableFuture<EventEnvelope> publish(DomainEvent event) {
        return publish(codec.envelopeFor(event), event);
    }

    public CompletableFuture<EventEnvelope> publish(EventEnvelope envelope, DomainEvent event) {
        return kafka.send(codec.toRecord(envelope, event)).thenApply(result -> envelope);
    }

    /** Publishes and waits for the acknowledgement; for callers that must not go on before it is durable. */
    public EventEnvelope publishAndWait(DomainEvent event, long timeoutMillis) {
        try {
            return publish(event).get(timeoutMillis, TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new EventPublishingException(event, ex);
        }
        catch (ExecutionException | TimeoutException ex) {
            throw new EventPublishingException(event, ex);
        }
    }

    public EventCodec codec() {
        return codec;
    }

    /** The broker did not acknowledge an event in time. */
    public static class EventPublishingException extends RuntimeException {

        EventPublishingException(DomainEvent event, Exception cause) {
            super("could not publish " + event.getClass().getSimpleName() + " for " + event.aggregateId(), cause);
        }
    }
}
