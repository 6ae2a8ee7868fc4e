package com.peptalk.testsupport;

import java.util.Locale;

/**
 * Which PostgreSQL and Kafka the tests of this JVM run against, chosen by one switch:
 * {@code -Dpeptalk.test.infrastructure=embedded} (the default: embedded PostgreSQL binaries and an in-JVM KRaft
 * broker, no Docker needed) or {@code testcontainers} (Testcontainers' PostgreSQL and Kafka, which need a Docker
 * engine). The environment variable {@code PEPTALK_TEST_INFRASTRUCTURE} works too. Every test reaches the
 * infrastructure through {@link SharedPostgres} and {@link SharedKafka}, so the same suites run on either.
 */
public enum TestInfrastructure {

    /** zonky's embedded PostgreSQL and spring-kafka-test's KRaft broker, in and beside this JVM. */
    EMBEDDED,

    /** Testcontainers' {@code postgres} and {@code apache/kafka} containers, on a Docker engine. */
    TESTCONTAINERS;

    /** The system property of the switch. */
    public static final String PROPERTY = "peptalk.test.infrastructure";

    /** The environment variable of the switch, read when the system property is not set. */
    public static final String ENVIRONMENT = "PEPTALK_TEST_INFRASTRUCTURE";

    /** The infrastructure this JVM's tests use. */
    public static TestInfrastructure selected() {
        return parse(System.getProperty(PROPERTY, System.getenv(ENVIRONMENT)));
    }

    static TestInfrastructure parse(String value) {
        if (value == null || value.isBlank()) {
            return EMBEDDED;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "embedded" -> EMBEDDED;
            case "testcontainers" -> TESTCONTAINERS;
            default -> throw new IllegalStateException("-D" + PROPERTY + " (or " + ENVIRONMENT
                    + ") must be 'embedded' (the default) or 'testcontainers', not '" + value + "'");
        };
    }
}
