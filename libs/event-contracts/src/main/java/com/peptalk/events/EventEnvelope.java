package com.peptalk.events;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/**
 * The CloudEvents 1.0 attributes every event travels with, as Kafka headers (binary content mode).
 * {@code id} is what consumers de-duplicate on.
 */
public record EventEnvelope(UUID id, String type, URI source, Instant time, String subject, String specVersion) {

    public static final String SPEC_VERSION = "1.0";
}
