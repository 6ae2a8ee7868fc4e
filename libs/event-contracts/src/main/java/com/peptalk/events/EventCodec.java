package com.peptalk.events;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Turns events into Kafka records and back: JSON body (Jackson 3), CloudEvents attributes in headers, key =
 * aggregate id. The codec owns its JSON settings, so the wire format does not follow a service's own Jackson
 * customisations.
 */
public final class EventCodec {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final URI source;
    private final Clock clock;

    public EventCodec(URI source, Clock clock) {
        this.source = source;
        this.clock = clock;
    }

    /**
     * A new envelope for an event this service is about to publish. Its time has microsecond precision, as much
     * as PostgreSQL keeps, so an envelope stored in an outbox comes back unchanged.
     */
    public EventEnvelope envelopeFor(DomainEvent event) {
        return new EventEnvelope(UUID.randomUUID(), EventCatalog.of(event.getClass()).name(), source,
                clock.instant().truncatedTo(ChronoUnit.MICROS), event.aggregateId(), EventEnvelope.SPEC_VERSION);
    }

    public ProducerRecord<String, byte[]> toRecord(EventEnvelope envelope, DomainEvent event) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(EventCatalog.of(event.getClass()).topic(),
                event.aggregateId(), toJson(event));
        Headers headers = record.headers();
        put(headers, CloudEventHeaders.ID, envelope.id().toString());
        put(headers, CloudEventHeaders.TYPE, envelope.type());
        put(headers, CloudEventHeaders.SOURCE, envelope.source().toString());
        put(headers, CloudEventHeaders.TIME, envelope.time().toString());
        put(headers, CloudEventHeaders.SUBJECT, envelope.subject());
        put(headers, CloudEventHeaders.SPEC_VERSION, envelope.specVersion());
        put(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        return record;
    }

    public ReceivedEvent fromRecord(ConsumerRecord<String, byte[]> record) {
        EventEnvelope envelope = envelopeOf(record.headers());
        EventCatalog.EventType type = EventCatalog.byName(envelope.type())
                .orElseThrow(() -> new UndecodableEventException("unknown event type " + envelope.type()));
        if (record.value() == null) {
            throw new UndecodableEventException("event " + envelope.id() + " has no body");
        }
        return new ReceivedEvent(envelope, fromJson(record.value(), type.eventClass()), record.topic(),
                record.partition(), record.offset());
    }

    public static EventEnvelope envelopeOf(Headers headers) {
        try {
            return new EventEnvelope(UUID.fromString(required(headers, CloudEventHeaders.ID)),
                    required(headers, CloudEventHeaders.TYPE), URI.create(required(headers, CloudEventHeaders.SOURCE)),
                    Instant.parse(required(headers, CloudEventHeaders.TIME)),
                    optional(headers, CloudEventHeaders.SUBJECT), required(headers, CloudEventHeaders.SPEC_VERSION));
        }
        catch (IllegalArgumentException | DateTimeParseException ex) {
            throw new UndecodableEventException("malformed CloudEvents header: " + ex.getMessage(), ex);
        }
    }

    public static byte[] toJson(DomainEvent event) {
        return JSON.writeValueAsBytes(event);
    }

    public static <T extends DomainEvent> T fromJson(byte[] json, Class<T> eventClass) {
        try {
            return JSON.readValue(json, eventClass);
        }
        catch (JacksonException ex) {
            throw new UndecodableEventException("body is not a valid " + eventClass.getSimpleName() + ": "
                    + ex.getOriginalMessage(), ex);
        }
    }

    private static void put(Headers headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String required(Headers headers, String name) {
        String value = optional(headers, name);
        if (value == null || value.isBlank()) {
            throw new UndecodableEventException("missing CloudEvents header " + name);
        }
        return value;
    }

    private static String optional(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
