package com.peptalk.events;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The wire contract: every event round-trips through Kafka headers and JSON, and its shape matches the sample
 * checked in under {@code docs/events/}. Changing an event without changing its sample fails here; run with
 * {@code -Dpeptalk.events.write-samples=true} to rewrite the samples, then review the diff.
 */
class EventContractTests {

    private static final Path SAMPLES = Path.of(System.getProperty("peptalk.events.samples", "../../docs/events"));
    private static final boolean WRITE = Boolean.getBoolean("peptalk.events.write-samples");
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final EventCodec codec = new EventCodec(java.net.URI.create("/sample-service"),
            Clock.fixed(EventSamples.AT, ZoneOffset.UTC));

    static Stream<DomainEvent> samples() {
        return EventSamples.all().stream();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everyEventRoundTripsThroughAKafkaRecord(DomainEvent event) {
        EventEnvelope envelope = codec.envelopeFor(event);
        ProducerRecord<String, byte[]> sent = codec.toRecord(envelope, event);

        ReceivedEvent received = codec.fromRecord(asConsumed(sent));

        assertThat(sent.topic()).isEqualTo(EventCatalog.of(event.getClass()).topic());
        assertThat(sent.key()).isEqualTo(event.aggregateId());
        assertThat(received.event()).isEqualTo(event);
        assertThat(received.envelope()).isEqualTo(envelope);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everyEventMatchesItsCheckedInSample(DomainEvent event) throws IOException {
        EventEnvelope envelope = EventSamples.envelope(event);
        ProducerRecord<String, byte[]> record = codec.toRecord(envelope, event);
        ObjectNode sample = JSON.createObjectNode();
        sample.put("topic", record.topic());
        sample.put("key", record.key());
        ObjectNode headers = sample.putObject("headers");
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        sample.set("body", JSON.readTree(record.value()));

        Path file = SAMPLES.resolve(envelope.type() + ".json");
        if (WRITE) {
            Files.createDirectories(SAMPLES);
            Files.writeString(file, JSON.writeValueAsString(sample) + "\n");
        }
        assertThat(file).as("sample of %s (rerun with -Dpeptalk.events.write-samples=true)", envelope.type())
                .exists();
        JsonNode checkedIn = JSON.readTree(file.toFile());
        assertThat(sample).as("%s no longer matches %s: update the sample with the change", envelope.type(), file)
                .isEqualTo(checkedIn);
        assertThat(EventCodec.fromJson(JSON.writeValueAsBytes(checkedIn.get("body")), event.getClass()))
                .isEqualTo(event);
    }

    @Test
    void everyCatalogTypeHasASampleAndEverySampleFileHasAType() throws IOException {
        Set<String> sampled = EventSamples.all().stream().map(e -> EventCatalog.of(e.getClass()).name())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> catalogued = EventCatalog.all().stream().map(EventCatalog.EventType::name)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(sampled).isEqualTo(catalogued);
        try (Stream<Path> files = Files.list(SAMPLES)) {
            Set<String> documented = files.map(f -> f.getFileName().toString())
                    .filter(name -> name.endsWith(".json")).map(name -> name.substring(0, name.length() - 5))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(documented).isEqualTo(catalogued);
        }
    }

    @Test
    void everyTopicOfTheCatalogIsAKnownTopic() {
        assertThat(EventCatalog.all()).allSatisfy(type -> assertThat(Topics.ALL).contains(type.topic()));
    }

    @Test
    void aRecordOfAnUnknownTypeIsUndecodable() {
        DomainEvent event = EventSamples.all().getFirst();
        ProducerRecord<String, byte[]> sent = codec.toRecord(codec.envelopeFor(event), event);
        sent.headers().remove(CloudEventHeaders.TYPE);
        sent.headers().add(CloudEventHeaders.TYPE, "com.example.unknown.v1".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> codec.fromRecord(asConsumed(sent))).isInstanceOf(UndecodableEventException.class)
                .hasMessageContaining("unknown event type com.example.unknown.v1");
    }

    @Test
    void aRecordWithoutAnIdOrWithABrokenBodyIsUndecodable() {
        DomainEvent event = EventSamples.all().getFirst();
        ProducerRecord<String, byte[]> noId = codec.toRecord(codec.envelopeFor(event), event);
        noId.headers().remove(CloudEventHeaders.ID);
        assertThatThrownBy(() -> codec.fromRecord(asConsumed(noId))).isInstanceOf(UndecodableEventException.class)
                .hasMessageContaining("ce_id");

        ProducerRecord<String, byte[]> sent = codec.toRecord(codec.envelopeFor(event), event);
        ProducerRecord<String, byte[]> broken = new ProducerRecord<>(sent.topic(), null, sent.key(),
                "{\"companyId\": \"not a number\"".getBytes(StandardCharsets.UTF_8), sent.headers());
        assertThatThrownBy(() -> codec.fromRecord(asConsumed(broken))).isInstanceOf(UndecodableEventException.class)
                .hasMessageContaining("CompanyUpserted");
    }

    private static ConsumerRecord<String, byte[]> asConsumed(ProducerRecord<String, byte[]> sent) {
        return new ConsumerRecord<>(sent.topic(), 0, 0L, 0L, TimestampType.CREATE_TIME, 0, 0, sent.key(),
                sent.value(), new RecordHeaders(sent.headers().toArray()), Optional.empty());
    }
}
