/**
 * Real PostgreSQL and Kafka for every module's tests: embedded, without Docker, by default; Testcontainers' where a
 * Docker engine exists and {@code -Dpeptalk.test.infrastructure=testcontainers} selects them ({@link
 * com.peptalk.testsupport.TestInfrastructure}).
 */
package com.peptalk.testsupport;
