package com.peptalk.events;

/** An event read from Kafka, with its envelope and where it was read from. */
public record ReceivedEvent(EventEnvelope envelope, DomainEvent event, String topic, int partition, long offset) {
}
