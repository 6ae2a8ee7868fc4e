/**
 * Spring wiring shared by every service: Kafka serialisation, topic creation, retry with back-off into
 * {@code <topic>.DLT}, de-duplication by {@code ce_id}, and a Kafka health indicator.
 */
package com.peptalk.events.support;
