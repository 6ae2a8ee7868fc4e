package com.peptalk.deployment.support;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** What a service's {@code src/main/resources/application.yml} says about how it must be deployed. */
public final class ServiceApplication {

    /** Spring Boot's default of {@code spring.lifecycle.timeout-per-shutdown-phase}. */
    private static final Duration DEFAULT_SHUTDOWN_PHASE = Duration.ofSeconds(30);

    private static final Map<PeptalkService, ServiceApplication> CACHE = new ConcurrentHashMap<>();

    private final PeptalkService service;
    private final Path file;
    private final Map<String, Object> properties;

    private ServiceApplication(PeptalkService service, Path file, Map<String, Object> properties) {
        this.service = service;
        this.file = file;
        this.properties = properties;
    }

    public static ServiceApplication of(PeptalkService service) {
        return CACHE.computeIfAbsent(service, ServiceApplication::read);
    }

    private static ServiceApplication read(PeptalkService service) {
        Path file = service.moduleDirectory().resolve("src/main/resources/application.yml");
        if (!Files.isRegularFile(file)) {
            throw new AssertionError(service + " has no " + Project.root().relativize(file));
        }
        // the first document holds the defaults; later ones are profile-specific
        return new ServiceApplication(service, file, Yml.flatten(Project.yamlDocuments(file).getFirst()));
    }

    public Path file() {
        return file;
    }

    public Optional<Object> property(String name) {
        return Optional.ofNullable(properties.get(name));
    }

    public Map<String, Object> properties() {
        return properties;
    }

    /** {@code server.port}: what the container listens on, its probes and its Service target. */
    public int port() {
        Object port = property("server.port").orElseThrow(
                () -> new AssertionError(where() + " sets no server.port: the deployments need a fixed port"));
        return Integer.parseInt(String.valueOf(port).trim());
    }

    /**
     * {@code management.server.port} when set (the gateway: the actuator off the public port), else
     * {@link #port()}: where probes and Prometheus go.
     */
    public int managementPort() {
        return property("management.server.port").map(port -> Integer.parseInt(String.valueOf(port).trim()))
                .orElseGet(this::port);
    }

    /** Whether the actuator has a port of its own, which the Service and the Ingress must not expose. */
    public boolean hasManagementPort() {
        return managementPort() != port();
    }

    public boolean probesEnabled() {
        return Boolean.parseBoolean(String.valueOf(property("management.endpoint.health.probes.enabled").orElse("false")));
    }

    public boolean gracefulShutdown() {
        return "graceful".equalsIgnoreCase(String.valueOf(property("server.shutdown").orElse("immediate")));
    }

    public Duration shutdownPhaseTimeout() {
        return property("spring.lifecycle.timeout-per-shutdown-phase")
                .map(value -> Durations.parse(String.valueOf(value)))
                .orElse(DEFAULT_SHUTDOWN_PHASE);
    }

    public List<String> exposedWebEndpoints() {
        return property("management.endpoints.web.exposure.include")
                .map(value -> value instanceof List<?> list ? list.stream().map(String::valueOf).toList()
                        : Arrays.stream(String.valueOf(value).split(",")).map(String::trim).toList())
                .orElse(List.of("health"));
    }

    /** The database name of {@code spring.datasource.url}, e.g. {@code peptalk_token}. */
    public Optional<String> databaseName() {
        return property("spring.datasource.url").map(url -> Jdbc.databaseName(String.valueOf(url)));
    }

    public String where() {
        return Project.root().relativize(file).toString();
    }

    /** Durations as Spring Boot writes them: {@code 20s}, {@code 500ms}, {@code 1m}, a bare number of ms. */
    public static final class Durations {

        private Durations() {
        }

        public static Duration parse(String text) {
            String value = text.trim().toLowerCase(Locale.ROOT);
            if (value.startsWith("p")) {
                return Duration.parse(value.toUpperCase(Locale.ROOT));
            }
            String[][] units = { { "ms", "MILLIS" }, { "ns", "NANOS" }, { "us", "MICROS" }, { "s", "SECONDS" },
                    { "m", "MINUTES" }, { "h", "HOURS" }, { "d", "DAYS" } };
            for (String[] unit : units) {
                if (value.endsWith(unit[0])) {
                    long amount = Long.parseLong(value.substring(0, value.length() - unit[0].length()).trim());
                    return Duration.of(amount, java.time.temporal.ChronoUnit.valueOf(unit[1]));
                }
            }
            return Duration.ofMillis(Long.parseLong(value));
        }
    }

    /** JDBC URLs of PostgreSQL. */
    public static final class Jdbc {

        private Jdbc() {
        }

        /** {@code jdbc:postgresql://host:5432/name?x=y} gives {@code name}. */
        public static String databaseName(String jdbcUrl) {
            return uri(jdbcUrl).getPath().replaceFirst("^/", "");
        }

        public static String host(String jdbcUrl) {
            return uri(jdbcUrl).getHost();
        }

        public static int port(String jdbcUrl) {
            int port = uri(jdbcUrl).getPort();
            return port == -1 ? 5432 : port;
        }

        private static URI uri(String jdbcUrl) {
            if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
                throw new AssertionError("not a PostgreSQL JDBC URL: " + jdbcUrl);
            }
            return URI.create(jdbcUrl.substring("jdbc:".length()));
        }
    }
}
