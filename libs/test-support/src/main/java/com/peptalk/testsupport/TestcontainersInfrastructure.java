package com.peptalk.testsupport;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The {@link TestInfrastructure#TESTCONTAINERS} side of {@link SharedPostgres} and {@link SharedKafka}: one PostgreSQL
 * container and one Kafka container per test JVM, started on first use (Testcontainers' Ryuk removes them when the
 * JVM ends). Images: {@code -Dpeptalk.test.postgres-image} (default {@value #POSTGRES_IMAGE}, the major version of the
 * embedded binaries) and {@code -Dpeptalk.test.kafka-image} (default {@value #KAFKA_IMAGE}, the local run's broker).
 * Without a Docker engine the first use fails with a message that says so, rather than Testcontainers' own.
 */
final class TestcontainersInfrastructure {

    static final String POSTGRES_IMAGE = "postgres:17-alpine";
    static final String KAFKA_IMAGE = "apache/kafka:4.2.1";

    private static volatile PostgreSQLContainer postgres;
    private static volatile KafkaContainer kafka;

    static PostgreSQLContainer postgres() {
        PostgreSQLContainer current = postgres;
        if (current == null) {
            synchronized (TestcontainersInfrastructure.class) {
                current = postgres;
                if (current == null) {
                    requireDocker();
                    // the embedded server's credentials, so SharedPostgres.username()/password() hold for both
                    current = new PostgreSQLContainer(image("peptalk.test.postgres-image", POSTGRES_IMAGE))
                            .withUsername(SharedPostgres.username()).withPassword(SharedPostgres.password())
                            .withCommand("postgres", "-c", "max_connections=300", "-c", "fsync=off", "-c",
                                    "synchronous_commit=off");
                    current.start();
                    postgres = current;
                }
            }
        }
        return current;
    }

    static KafkaContainer kafka() {
        KafkaContainer current = kafka;
        if (current == null) {
            synchronized (TestcontainersInfrastructure.class) {
                current = kafka;
                if (current == null) {
                    requireDocker();
                    current = new KafkaContainer(image("peptalk.test.kafka-image", KAFKA_IMAGE))
                            .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0")
                            .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "true");
                    current.start();
                    kafka = current;
                }
            }
        }
        return current;
    }

    /** Fails with the switch's name and the way back when Testcontainers finds no Docker engine. */
    static void requireDocker() {
        boolean available;
        try {
            available = DockerClientFactory.instance().isDockerAvailable();
        }
        catch (RuntimeException | LinkageError ex) {
            available = false;
        }
        if (!available) {
            throw new IllegalStateException("-D" + TestInfrastructure.PROPERTY + "=testcontainers needs a Docker engine, "
                    + "and Testcontainers found none (no DOCKER_HOST, no reachable /var/run/docker.sock, no "
                    + "~/.testcontainers.properties docker.host). Start Docker, or run the tests without the switch "
                    + "to use the embedded PostgreSQL and Kafka (the default).");
        }
    }

    private static DockerImageName image(String property, String fallback) {
        return DockerImageName.parse(System.getProperty(property, fallback));
    }

    private TestcontainersInfrastructure() {
    }
}
