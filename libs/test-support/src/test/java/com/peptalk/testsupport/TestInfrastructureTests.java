package com.peptalk.testsupport;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The one switch between the embedded infrastructure (the default, and the only one on machines without Docker)
 * and Testcontainers'. Of the last two tests, one runs and the other is skipped, depending on whether this machine
 * has a Docker engine.
 */
class TestInfrastructureTests {

    @Test
    void withoutTheSwitchTestsUseTheEmbeddedPostgresAndBroker() {
        assertThat(TestInfrastructure.parse(null)).isEqualTo(TestInfrastructure.EMBEDDED);
        assertThat(TestInfrastructure.parse(" ")).isEqualTo(TestInfrastructure.EMBEDDED);
        assertThat(TestInfrastructure.parse("embedded")).isEqualTo(TestInfrastructure.EMBEDDED);
        assertThat(TestInfrastructure.parse(" Testcontainers ")).isEqualTo(TestInfrastructure.TESTCONTAINERS);
    }

    @Test
    void anUnknownValueIsRefusedNamingTheSwitchAndItsValues() {
        assertThatThrownBy(() -> TestInfrastructure.parse("docker")).isInstanceOf(IllegalStateException.class)
                .hasMessage("-Dpeptalk.test.infrastructure (or PEPTALK_TEST_INFRASTRUCTURE) must be 'embedded' (the "
                        + "default) or 'testcontainers', not 'docker'");
    }

    @Test
    void withoutADockerEngineTheTestcontainersSwitchFailsSayingSo() {
        assumeFalse(DockerClientFactory.instance().isDockerAvailable(), "a Docker engine is here");

        assertThatThrownBy(TestcontainersInfrastructure::postgres).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("-Dpeptalk.test.infrastructure=testcontainers needs a Docker engine, and "
                        + "Testcontainers found none")
                .hasMessageContaining("run the tests without the switch");
        assertThatThrownBy(TestcontainersInfrastructure::kafka).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("needs a Docker engine");
    }

    @Test
    void onADockerEngineTheContainersServeADatabaseAndABroker() throws Exception {
        assumeTrue(DockerClientFactory.instance().isDockerAvailable(), "no Docker engine here");

        try (Connection connection = DriverManager.getConnection(TestcontainersInfrastructure.postgres().getJdbcUrl(),
                SharedPostgres.username(), SharedPostgres.password())) {
            assertThat(connection.isValid(5)).isTrue();
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestcontainersInfrastructure.kafka().getBootstrapServers()))) {
            assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS)).hasSize(1);
        }
    }
}
