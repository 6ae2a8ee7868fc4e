package com.peptalk.bench;

import com.peptalk.events.EventCodec;
import com.peptalk.events.ReceivedEvent;
import com.peptalk.events.Topics;
import com.peptalk.events.comms.Channel;
import com.peptalk.events.comms.DeliveryAccepted;
import com.peptalk.events.comms.Recipient;
import com.peptalk.events.comms.RenderedContent;
import com.peptalk.events.comms.SendRequested;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * delivery-service's sustained sends per second through its sandbox providers, end to end from
 * {@code comms.send-requested} to {@code DeliveryAccepted} on {@code comms.delivery-events} (the message stored
 * once, claimed, suppression-checked, sent through the provider's retry, circuit breaker, rate limiter and bulkhead,
 * the outcome and its events written through the outbox and relayed), against the baseline of the same run: a plain
 * consumer reading the same records off the same topic. Against the stack of {@code ./run up delivery} (or the whole
 * stack), ports shifted by {@code PEPTALK_PORT_OFFSET}.
 */
final class DeliveryBenchmark {

    private final Path repository;
    private final int messages;
    private final int offset;
    private final EventCodec codec = new EventCodec(URI.create("/benchmark"), Clock.systemUTC());

    DeliveryBenchmark(Path repository, int seconds) {
        this.repository = repository;
        // about as many messages as the sandbox sends in the given time on 2 cores
        this.messages = Math.max(200, seconds * 100);
        this.offset = Integer.parseInt(System.getenv().getOrDefault("PEPTALK_PORT_OFFSET", "0"));
    }

    void run() throws Exception {
        String bootstrap = "localhost:" + (19092 + offset);
        String run = UUID.randomUUID().toString();
        Set<UUID> ids = new HashSet<>();
        // from the first offset, like the tests' EventProbe: earlier runs' events are skipped by message id
        try (KafkaConsumer<String, byte[]> accepted = consumer(bootstrap, Topics.DELIVERY_EVENTS, "earliest")) {
            joined(accepted);
            long start = System.nanoTime();
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.LINGER_MS_CONFIG, 5),
                    new StringSerializer(), new ByteArraySerializer())) {
                for (int i = 0; i < messages; i++) {
                    SendRequested request = request(i, run);
                    ids.add(request.messageId());
                    producer.send(codec.toRecord(codec.envelopeFor(request), request));
                }
                producer.flush();
            }
            long published = System.nanoTime();
            int seen = awaitAccepted(accepted, ids, Duration.ofMinutes(10));
            long end = System.nanoTime();
            double baseline = rawConsumption(bootstrap, run);
            report(seen, (published - start) / 1e9, (end - start) / 1e9, baseline);
        }
    }

    /** Joins the group before anything is sent. */
    private static void joined(KafkaConsumer<String, byte[]> consumer) {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (consumer.assignment().isEmpty() && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200));
        }
        if (consumer.assignment().isEmpty()) {
            throw new IllegalStateException("no partitions of comms.delivery-events assigned within 2 minutes");
        }
    }

    private SendRequested request(int i, String run) {
        boolean sms = i % 2 == 1;
        // success@ and a number outside Twilio's magic ones: both accepted by the sandbox
        return new SendRequested(UUID.randomUUID(), UUID.nameUUIDFromBytes(run.getBytes()), UUID.randomUUID(),
                new Recipient(i, "Bench worker " + i, "success+" + i + "@simulator.amazonses.com",
                        "+1415555" + String.format(Locale.ROOT, "%04d", i % 10_000)),
                sms ? Channel.SMS : Channel.EMAIL, sms ? Channel.EMAIL : Channel.SMS,
                new RenderedContent("Toolbox talk", "<p>7am at the gate</p>", "7am at the gate", "Toolbox talk 7am"),
                List.of(1L), null);
    }

    private int awaitAccepted(KafkaConsumer<String, byte[]> consumer, Set<UUID> ids, Duration limit) {
        Set<UUID> accepted = new HashSet<>();
        long deadline = System.nanoTime() + limit.toNanos();
        while (accepted.size() < ids.size() && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                try {
                    ReceivedEvent received = codec.fromRecord(record);
                    if (received.event() instanceof DeliveryAccepted done && ids.contains(done.messageId())) {
                        accepted.add(done.messageId());
                    }
                }
                catch (RuntimeException undecodable) {
                    // not ours
                }
            }
        }
        return accepted.size();
    }

    /**
     * Reads comms.send-requested from the start with a fresh group until this run's requests are all read: records
     * per second, the ceiling of any consumer of this topic here.
     */
    private double rawConsumption(String bootstrap, String run) {
        UUID runId = UUID.nameUUIDFromBytes(run.getBytes());
        try (KafkaConsumer<String, byte[]> consumer = consumer(bootstrap, Topics.SEND_REQUESTED, "earliest")) {
            int found = 0;
            int read = 0;
            long first = 0;
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (found < messages && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (first == 0) {
                        first = System.nanoTime();
                    }
                    read++;
                    if (codec.fromRecord(record).event() instanceof SendRequested request && runId.equals(request.runId())) {
                        found++;
                    }
                }
            }
            // every record read counts (earlier runs' too): the rate at which this topic can be consumed at all
            return read / ((System.nanoTime() - first) / 1e9);
        }
    }

    private static KafkaConsumer<String, byte[]> consumer(String bootstrap, String topic, String reset) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "delivery-bench-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, reset,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    private void report(int accepted, double publishSeconds, double totalSeconds, double baseline) throws IOException {
        double endToEnd = accepted / totalSeconds;
        String out = """
                # Delivery benchmark

                %d send requests (half email to success@simulator.amazonses.com, half SMS to ordinary numbers), published in %.1f s;
                sandbox providers, %d cores, Java %s. Everything (stack and load) on this machine.

                | scenario | messages | seconds | per second | vs baseline |
                |---|---|---|---|---|
                | raw consumption of comms.send-requested (baseline) | %d | | %.0f | 1.00x |
                | send-requested to DeliveryAccepted, end to end | %d | %.1f | %.1f | %.3fx |
                """.formatted(messages, publishSeconds, Runtime.getRuntime().availableProcessors(), Runtime.version(),
                messages, baseline, accepted, totalSeconds, endToEnd, endToEnd / baseline);
        System.out.print(out);
        Path file = repository.resolve("benchmarks/target/delivery-results.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, out);
        System.out.println("written to " + file);
        if (accepted < messages) {
            throw new IllegalStateException("only " + accepted + " of " + messages + " messages were accepted");
        }
    }
}
