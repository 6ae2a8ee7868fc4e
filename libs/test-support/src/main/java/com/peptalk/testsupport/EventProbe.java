package com.peptalk.testsupport;

import com.peptalk.events.EventCodec;
import com.peptalk.events.ReceivedEvent;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * Reads what services put on the shared broker, as a separate consumer group from the first offset, and sends
 * raw records (broken ones included) the way a misbehaving producer would.
 */
public final class EventProbe implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final EventCodec codec = new EventCodec(URI.create("/event-probe"), Clock.systemUTC());
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    private EventProbe(List<String> topics) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "event-probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(topics);
    }

    public static EventProbe listen(String... topics) {
        return new EventProbe(List.of(topics));
    }

    /** Waits, at most {@code timeout}, for a decodable event that matches. */
    public ReceivedEvent awaitEvent(Predicate<ReceivedEvent> matching, Duration timeout) {
        ConsumerRecord<String, byte[]> record = awaitRecord(r -> {
            try {
                return matching.test(codec.fromRecord(r));
            }
            catch (RuntimeException undecodable) {
                return false;
            }
        }, timeout);
        return codec.fromRecord(record);
    }

    /** Waits, at most {@code timeout}, for a raw record that matches (dead letters, broken records). */
    public ConsumerRecord<String, byte[]> awaitRecord(Predicate<ConsumerRecord<String, byte[]>> matching,
            Duration timeout) {
        for (ConsumerRecord<String, byte[]> record : seen) {
            if (matching.test(record)) {
                return record;
            }
        }
        Instant deadline = Instant.now().plus(timeout);
        int checked = seen.size();
        while (Instant.now().isBefore(deadline)) {
            // keep the whole batch before testing any record: a later wait may look for one after the match
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            for (; checked < seen.size(); checked++) {
                if (matching.test(seen.get(checked))) {
                    return seen.get(checked);
                }
            }
        }
        throw new AssertionError("no matching record within " + timeout + " (saw " + seen.size() + " records)");
    }

    /** Everything read so far, decodable or not. */
    public List<ConsumerRecord<String, byte[]>> seen() {
        return List.copyOf(seen);
    }

    /** Sends a record as is, without the platform's publisher. */
    public static void sendRaw(ProducerRecord<String, byte[]> record) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(record).get(10, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
        catch (ExecutionException | TimeoutException ex) {
            throw new IllegalStateException("could not send " + record.topic(), ex);
        }
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
