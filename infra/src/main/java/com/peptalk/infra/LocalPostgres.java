package com.peptalk.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;

/**
 * Runs a real PostgreSQL server for the local run ({@code ./run up}) from zonky's embedded binaries: no Docker, no
 * installed PostgreSQL, works as root (zonky starts the binaries in a user namespace) and as a normal user.
 *
 * <p>The data directory is kept between runs. On start, the databases of the services are created when missing.
 * When everything is ready, one line starting with {@value #READY} is printed (and the optional ready file is
 * written). The process then stays up until it is told to stop (SIGTERM / SIGINT), and stops PostgreSQL cleanly
 * ({@code pg_ctl stop -m fast}) before it exits.
 *
 * <pre>
 * java -jar infra/target/peptalk-local-infra-0.1.0-SNAPSHOT.jar --data-dir .run/postgres/data [--port 15432]
 *      [--work-dir .run/postgres/work] [--databases peptalk_token,...] [--ready-file .run/postgres/ready]
 *      [--config name=value]...
 * </pre>
 */
public final class LocalPostgres {

    static final String READY = "PEPTALK-POSTGRES-READY";

    static final List<String> DEFAULT_DATABASES = List.of("peptalk_token", "peptalk_iframe", "peptalk_automation",
            "peptalk_delivery", "peptalk_tracking", "peptalk_heartbeat");

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        }
        catch (IllegalArgumentException ex) {
            System.err.println("LocalPostgres: " + ex.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        new LocalPostgres().run(options);
    }

    void run(Options options) throws Exception {
        Files.createDirectories(options.dataDir().getParent());
        Files.createDirectories(options.workDir());
        if (options.readyFile() != null) {
            Files.deleteIfExists(options.readyFile());
        }
        long started = System.nanoTime();
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPort(options.port())
                .setDataDirectory(options.dataDir())
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(options.workDir().toFile())
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60));
        options.config().forEach(builder::setServerConfig);
        EmbeddedPostgres postgres = builder.start();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log("stopping PostgreSQL on port " + options.port());
            try {
                postgres.close();
                log("PostgreSQL stopped");
            }
            catch (IOException | RuntimeException ex) {
                log("could not stop PostgreSQL cleanly: " + ex);
            }
            finally {
                stopped.countDown();
            }
        }, "local-postgres-stop"));

        List<String> created = createMissingDatabases(postgres, options.databases());
        log("databases " + options.databases() + (created.isEmpty() ? " exist" : ", created " + created));
        if (options.readyFile() != null) {
            Path temporary = options.readyFile().resolveSibling(options.readyFile().getFileName() + ".tmp");
            Files.writeString(temporary, postgres.getJdbcUrl("postgres", "postgres") + System.lineSeparator());
            Files.move(temporary, options.readyFile(), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        }
        System.out.printf("%s port=%d data=%s in %d ms%n", READY, options.port(), options.dataDir(),
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        System.out.flush();

        // unpacking the binaries (first start only) takes a big heap: hand it back, this JVM now only waits
        System.gc();
        // stay up until the JVM is told to stop; the shutdown hook then stops PostgreSQL
        stopped.await();
    }

    static List<String> createMissingDatabases(EmbeddedPostgres postgres, List<String> databases) throws SQLException {
        List<String> created = new ArrayList<>();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?");
                Statement statement = connection.createStatement()) {
            for (String database : databases) {
                exists.setString(1, database);
                try (ResultSet result = exists.executeQuery()) {
                    if (result.next()) {
                        continue;
                    }
                }
                // the name is validated (DATABASE_NAME), and CREATE DATABASE takes no bind parameters
                statement.execute("create database \"" + database + "\"");
                created.add(database);
            }
        }
        return created;
    }

    private static void log(String message) {
        System.out.println("LocalPostgres: " + message);
        System.out.flush();
    }

    record Options(int port, Path dataDir, Path workDir, List<String> databases, Path readyFile,
            Map<String, String> config) {

        static final String USAGE = """
                usage: LocalPostgres --data-dir <dir> [--port <port, default 15432>] [--work-dir <dir>]
                                     [--databases <name,name,...>] [--ready-file <file>] [--config <name=value>]...""";

        static Options parse(String[] args) {
            int port = 15432;
            Path dataDir = null;
            Path workDir = null;
            Path readyFile = null;
            List<String> databases = DEFAULT_DATABASES;
            // settings of a small local server; --config overrides them
            Map<String, String> config = new LinkedHashMap<>();
            config.put("max_connections", "200");
            config.put("shared_buffers", "64MB");
            config.put("synchronous_commit", "off");
            config.put("listen_addresses", "localhost");
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                String value = (i + 1 < args.length) ? args[i + 1] : null;
                switch (arg) {
                    case "--port" -> port = parsePort(require(arg, value));
                    case "--data-dir" -> dataDir = Path.of(require(arg, value));
                    case "--work-dir" -> workDir = Path.of(require(arg, value));
                    case "--ready-file" -> readyFile = Path.of(require(arg, value));
                    case "--databases" -> databases = parseDatabases(require(arg, value));
                    case "--config" -> {
                        String setting = require(arg, value);
                        int equals = setting.indexOf('=');
                        if (equals <= 0) {
                            throw new IllegalArgumentException("--config needs name=value, got '" + setting + "'");
                        }
                        config.put(setting.substring(0, equals), setting.substring(equals + 1));
                    }
                    default -> throw new IllegalArgumentException("unknown argument '" + arg + "'");
                }
                i++;
            }
            if (dataDir == null) {
                throw new IllegalArgumentException("--data-dir is required (the data survives restarts there)");
            }
            dataDir = dataDir.toAbsolutePath().normalize();
            workDir = (workDir != null ? workDir : dataDir.resolveSibling("work")).toAbsolutePath().normalize();
            readyFile = (readyFile != null) ? readyFile.toAbsolutePath().normalize() : null;
            return new Options(port, dataDir, workDir, databases, readyFile, config);
        }

        private static String require(String name, String value) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            return value;
        }

        private static int parsePort(String value) {
            try {
                int port = Integer.parseInt(value);
                if (port < 1 || port > 65535) {
                    throw new NumberFormatException();
                }
                return port;
            }
            catch (NumberFormatException ex) {
                throw new IllegalArgumentException("--port must be 1-65535, got '" + value + "'");
            }
        }

        private static List<String> parseDatabases(String value) {
            List<String> names = new ArrayList<>();
            for (String name : value.split(",")) {
                String trimmed = name.trim();
                if (trimmed.isEmpty()) {
                    continue;
                }
                if (!DATABASE_NAME.matcher(trimmed).matches()) {
                    throw new IllegalArgumentException("not a plain database name: '" + trimmed + "'");
                }
                names.add(trimmed);
            }
            return List.copyOf(names);
        }
    }

    private LocalPostgres() {
    }
}
