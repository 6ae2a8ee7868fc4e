package com.peptalk.bench;

import com.peptalk.testsupport.GatewayIdentity;
import com.peptalk.testsupport.SharedKafka;
import com.peptalk.testsupport.SharedPostgres;
import com.peptalk.tokenclient.TokenClientProperties;
import com.peptalk.tokenclient.TokenIntrospectionClient;
import com.peptalk.tokencontracts.Introspection;
import org.springframework.web.client.RestClient;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Token introspection, uncached (every call goes to token-service over HTTP, the baseline) against the services'
 * client with its cache, and a known token against an unknown one (introspection should take the same time
 * whether the token exists or not). token-service runs as its own process from its packaged jar, against a
 * real PostgreSQL and Kafka.
 */
final class IntrospectionBenchmark {

    private static final int THREADS = 8;
    private static final int ROUNDS = 3;
    private final Path repository;
    private final Duration measure;
    private final Duration warmUp;

    IntrospectionBenchmark(Path repository, int seconds) {
        this.repository = repository;
        this.measure = Duration.ofSeconds(seconds);
        this.warmUp = Duration.ofSeconds(Math.max(3, seconds / 3));
    }

    void run() throws Exception {
        Path jar = repository.resolve("token-service/target/token-service-0.1.0-SNAPSHOT.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run ./mvnw -B package -DskipTests first");
        }
        String database = SharedPostgres.createDatabase("bench_token");
        int port = freePort();
        Path log = Files.createTempFile("token-service-bench", ".log");
        Process tokenService = startTokenService(jar, database, port, log);
        try {
            String base = "http://localhost:" + port;
            awaitReady(base, tokenService, log);
            String token = seedGroupToken(database, base);
            TokenIntrospectionClient client = TokenIntrospectionClient.create(RestClient.builder(),
                    new TokenClientProperties(URI.create(base), Duration.ofMinutes(5), Duration.ofSeconds(5), 10_000,
                            Duration.ofSeconds(5)));
            if (!client.ask(token).active()) {
                throw new IllegalStateException("the seeded token is not active");
            }
            String unknown = "ppt_pg_" + "Z".repeat(43);
            String revoked = seedRevokedToken(base);
            Map<String, Runnable> scenarios = new LinkedHashMap<>();
            scenarios.put("uncached, known token (baseline)", () -> check(client.ask(token), true));
            scenarios.put("uncached, unknown token", () -> check(client.ask(unknown), false));
            scenarios.put("uncached, revoked token", () -> check(client.ask(revoked), false));
            scenarios.put("client cache, known token", () -> check(client.introspect(token), true));
            // interleaved rounds, so JIT warm-up and the machine's other load fall on every scenario alike;
            // each scenario reports its median round
            Map<String, List<LoadRun.Result>> rounds = new LinkedHashMap<>();
            for (int round = 0; round < ROUNDS; round++) {
                for (Map.Entry<String, Runnable> scenario : scenarios.entrySet()) {
                    rounds.computeIfAbsent(scenario.getKey(), name -> new ArrayList<>()).add(LoadRun.run(
                            scenario.getKey(), THREADS, round == 0 ? warmUp : Duration.ofSeconds(2), measure,
                            scenario.getValue()));
                }
            }
            List<LoadRun.Result> results = rounds.values().stream().map(LoadRun::median).toList();
            report(results);
        }
        finally {
            tokenService.destroy();
            tokenService.waitFor();
        }
    }

    private static void check(Introspection answer, boolean active) {
        if (answer.active() != active) {
            throw new IllegalStateException("unexpected answer");
        }
    }

    static Process startTokenService(Path jar, String database, int port, Path log) throws IOException {
        SecureRandom random = new SecureRandom();
        byte[] key = new byte[32];
        random.nextBytes(key);
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = List.of(java, "-Xmx256m", "-XX:+UseSerialGC", "-jar", jar.toString(),
                "--server.port=" + port,
                "--spring.datasource.url=" + database,
                "--spring.datasource.username=" + SharedPostgres.username(),
                "--spring.datasource.password=" + SharedPostgres.password(),
                "--spring.kafka.bootstrap-servers=" + SharedKafka.bootstrapServers(),
                "--peptalk.tokens.public-base-url=http://localhost:8080",
                "--peptalk.tokens.active-key-id=bench",
                // trusts the identities this harness signs as the gateway would (GatewayIdentity)
                "--peptalk.web.identity.keys[0].id=" + GatewayIdentity.KEY_ID,
                "--peptalk.web.identity.keys[0].public-key=" + GatewayIdentity.publicKey(),
                "--logging.level.root=WARN");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // secrets through the environment, as in production
        builder.environment().put("PEPTALK_TOKENS_HASHKEY", Base64.getEncoder().encodeToString(key) + "-bench");
        random.nextBytes(key);
        builder.environment().put("PEPTALK_TOKENS_ENCRYPTIONKEYS_BENCH", Base64.getEncoder().encodeToString(key));
        return builder.start();
    }

    static void awaitReady(String base, Process process, Path log) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        // generous: on a loaded machine a service takes minutes to start
        Instant deadline = Instant.now().plusSeconds(600);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited; see " + log);
            }
            try {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(base
                        + "/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            }
            catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the service is not ready in 600 s; see " + log);
    }

    private static String seedGroupToken(String database, String base) throws Exception {
        long group;
        try (Connection connection = DriverManager.getConnection(database, SharedPostgres.username(),
                SharedPostgres.password())) {
            long company = insert(connection, "insert into companies (name) values ('Bench Builders') returning id");
            List<Long> projects = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                projects.add(insert(connection, "insert into projects (company_id, name) values (" + company
                        + ", 'Site " + i + "') returning id"));
            }
            group = insert(connection, "insert into project_groups (company_id, name) values (" + company
                    + ", 'All sites') returning id");
            for (Long project : projects) {
                try (PreparedStatement member = connection.prepareStatement(
                        "insert into project_group_members (project_group_id, project_id) values (?, ?)")) {
                    member.setLong(1, group);
                    member.setLong(2, project);
                    member.executeUpdate();
                }
            }
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        http.send(HttpRequest.newBuilder(URI.create(base + "/api/directory/project-groups/api-tokens"))
                .header("Authorization", GatewayIdentity.authorization())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"projectGroupIds\": [" + group + "]}")).build(),
                HttpResponse.BodyHandlers.ofString());
        String procore = http.send(HttpRequest.newBuilder(URI.create(base + "/api/directory/project-groups/" + group
                + "/procore"))
                .header("Authorization", GatewayIdentity.authorization()).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(procore);
        if (!token.find()) {
            throw new IllegalStateException("no token in Open Procore answer");
        }
        return token.group(1);
    }

    /** A project group token that was issued and then revoked, through the API. */
    private static String seedRevokedToken(String base) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String company = http.send(HttpRequest.newBuilder(URI.create(base + "/api/directory/companies"))
                .header("Authorization", GatewayIdentity.authorization())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"Revoked Co\"}")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String project = http.send(HttpRequest.newBuilder(URI.create(base + "/api/directory/projects"))
                .header("Authorization", GatewayIdentity.authorization())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"companyId\": " + field(company, "id")
                        + ", \"name\": \"Old site\"}")).build(), HttpResponse.BodyHandlers.ofString()).body();
        String report = http.send(HttpRequest.newBuilder(URI.create(base + "/api/directory/projects/"
                + field(project, "id") + "/procore-report"))
                .header("Authorization", GatewayIdentity.authorization()).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        http.send(HttpRequest.newBuilder(URI.create(base + "/api/tokens/" + field(report, "tokenId") + "/revoke"))
                .header("Authorization", GatewayIdentity.authorization())
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        return field(report, "token");
    }

    static String field(String json, String name) {
        Matcher value = Pattern.compile("\"" + name + "\"\\s*:\\s*\"?([^\",}]+)").matcher(json);
        if (!value.find()) {
            throw new IllegalStateException("no " + name + " in " + json.length() + " characters of JSON");
        }
        return value.group(1);
    }

    private static long insert(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void report(List<LoadRun.Result> results) throws IOException {
        StringBuilder out = new StringBuilder();
        out.append("# Token introspection benchmark\n\n");
        out.append("%d closed-loop callers, %s warm-up, %d interleaved rounds of %s per scenario (the median round is shown), %d cores, Java %s.%n%n"
                .formatted(THREADS, warmUp, ROUNDS, measure, Runtime.getRuntime().availableProcessors(),
                        Runtime.version()));
        out.append(LoadRun.table(results));
        LoadRun.Result unknown = results.get(1);
        LoadRun.Result revoked = results.get(2);
        out.append(String.format(Locale.ROOT, "%nInactive answers: revoked vs unknown token, median latency %.3fx,"
                + " p95 %.3fx (1.0 = indistinguishable).%n", (double) revoked.p50Nanos() / unknown.p50Nanos(),
                (double) revoked.p95Nanos() / unknown.p95Nanos()));
        System.out.print(out);
        Path file = repository.resolve("benchmarks/target/introspection-results.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, out);
        System.out.println("written to " + file);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
