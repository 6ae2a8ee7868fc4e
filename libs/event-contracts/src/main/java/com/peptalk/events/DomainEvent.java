package com.peptalk.events;

/**
 * An event of the platform's published language. Every event names the aggregate it is about: that id is
 * the Kafka record key (so one aggregate's events stay ordered on one partition) and the CloudEvents
 * {@code ce_subject}.
 */
public interface DomainEvent {

    /** The id of the aggregate this event is about, such as {@code project:42} or a message id. */
    String aggregateId();
}
