package com.peptalk.testsupport;

import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.util.Map;

/**
 * One real Kafka broker per test JVM, started on first use and stopped when the JVM exits: KRaft in this JVM by
 * default, Testcontainers' Kafka with {@code -Dpeptalk.test.infrastructure=testcontainers} ({@link TestInfrastructure}).
 * Services create their topics through their own {@code KafkaAdmin}, as they do in production.
 */
public final class SharedKafka {

    private static volatile EmbeddedKafkaBroker broker;

    public static String bootstrapServers() {
        return switch (TestInfrastructure.selected()) {
            case EMBEDDED -> broker().getBrokersAsString();
            case TESTCONTAINERS -> TestcontainersInfrastructure.kafka().getBootstrapServers();
        };
    }

    private static EmbeddedKafkaBroker broker() {
        EmbeddedKafkaBroker current = broker;
        if (current == null) {
            synchronized (SharedKafka.class) {
                current = broker;
                if (current == null) {
                    current = new EmbeddedKafkaKraftBroker(1, 6)
                            .brokerProperties(Map.of("group.initial.rebalance.delay.ms", "0",
                                    "auto.create.topics.enable", "true"));
                    current.afterPropertiesSet();
                    EmbeddedKafkaBroker started = current;
                    Runtime.getRuntime().addShutdownHook(new Thread(started::destroy, "embedded-kafka-stop"));
                    broker = current;
                }
            }
        }
        return current;
    }

    private SharedKafka() {
    }
}
