/**
 * The event runtime every service shares: Kafka serialisation, topic creation, publishing, retry with back-off
 * into {@code <topic>.DLT}, de-duplication by {@code ce_id} (the inbox), the transactional outbox and its relay,
 * the tables they need (a Flyway location), their scheduled purge under a ShedLock lock, and a Kafka health
 * indicator. The contracts it carries are in {@code peptalk-event-contracts}.
 */
package com.peptalk.events.runtime;
