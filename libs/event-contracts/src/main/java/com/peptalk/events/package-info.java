/**
 * The platform's published language: event records (one package per topic area), topics, the event catalogue,
 * and the CloudEvents envelope with the codec that turns events into Kafka records and back. How services publish
 * and consume them (outbox, inbox, retries, dead letters) is the runtime's, in {@code com.peptalk.events.runtime}
 * of {@code peptalk-events}.
 */
package com.peptalk.events;
