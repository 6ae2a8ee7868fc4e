package com.peptalk.events.runtime;

import com.peptalk.events.DomainEvent;
import com.peptalk.events.EventCodec;
import com.peptalk.events.EventEnvelope;
import org.springframework.kafka.core.KafkaTemplate;

import java.util.concurrent.CompletableFuture;

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

    /** Publishes with the given envelope (a stored one, from the outbox) and completes on the acknowledgement. */
    public CompletableFuture<EventEnvelope> publish(EventEnvelope envelope, DomainEvent event) {
        return kafka.send(codec.toRecord(envelope, event)).thenApply(result -> envelope);
    }
}
