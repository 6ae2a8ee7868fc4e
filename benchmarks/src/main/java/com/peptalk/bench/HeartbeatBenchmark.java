package com.peptalk.bench;

import com.peptalk.events.EventCodec;
import com.peptalk.events.Topics;
import com.peptalk.events.kiosk.KioskHeartbeatReceived;
import com.peptalk.testsupport.GatewayIdentity;
import com.peptalk.testsupport.SharedKafka;
import com.peptalk.testsupport.SharedPostgres;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kiosk heartbeats end to end, with token-service, tracking-service and heartbeat-service each running as its own
 * process from its packaged jar against a real PostgreSQL and Kafka: heartbeats per second from {@code POST
 * /api/kiosks/heartbeats} (kiosk tokens, batches) to kiosk state, heartbeats per second consumed into state
 * (published straight to {@code kiosk.heartbeats}), both against raw consumption of the same topic in the same run
 * (a bare Kafka consumer, the ceiling); then the dashboard's latency (page and JSON) with 100,000 kiosks loaded.
 */
final class HeartbeatBenchmark {

    private static final int KIOSKS = 200;
    private static final int CONSUMED = 20_000;
    private static final int POSTED = 10_000;
    private static final int BATCH = 10;
    private static final int POSTERS = 8;
    private static final int FLEET = 100_000;
    private static final Pattern KIOSK = Pattern.compile("\"kioskId\":\"(\\d+)\"[^}]*?\"token\":\"(ppt_ki_[A-Za-z0-9_-]+)\"");

    private final Path repository;
    private final Duration measure;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Process> processes = new ArrayList<>();

    HeartbeatBenchmark(Path repository, int seconds) {
        this.repository = repository;
        this.measure = Duration.ofSeconds(seconds);
    }

    void run() throws Exception {
        String tokenDb = SharedPostgres.createDatabase("bench_token");
        String trackingDb = SharedPostgres.createDatabase("bench_tracking");
        String heartbeatDb = SharedPostgres.createDatabase("bench_heartbeat");
        try {
            // started together, then awaited: each takes a while on a busy machine
            int tokenPort = IntrospectionBenchmark.freePort();
            String token = "http://localhost:" + tokenPort;
            Started tokenService = start("token-service", tokenDb, tokenPort, List.of());
            Started heartbeatService = start("heartbeat-service", heartbeatDb, IntrospectionBenchmark.freePort(),
                    List.of("--peptalk.heartbeats.token-service-url=" + token,
                            "--peptalk.heartbeats.token-service-timeout=30s"));
            Started trackingService = start("tracking-service", trackingDb, IntrospectionBenchmark.freePort(),
                    List.of("--peptalk.token-client.url=" + token, "--peptalk.tracking.public-base-url=http://localhost:8080",
                            "--peptalk.token-client.timeout=30s", "--peptalk.tracking.kiosks.publish-timeout=60s"));
            for (Started service : List.of(tokenService, heartbeatService, trackingService)) {
                IntrospectionBenchmark.awaitReady(service.base(), service.process(), service.log());
            }
            String heartbeat = heartbeatService.base();
            String tracking = trackingService.base();
            long project = seedProject(tokenDb);
            List<String[]> kiosks = register(heartbeat, project);

            long before = count(heartbeatDb);
            double consumed = consumedIntoState(heartbeatDb, before);
            System.out.printf(Locale.ROOT, "published to the topic -> kiosk state: %.0f heartbeats/s%n", consumed);
            before = count(heartbeatDb);
            double posted = postedIntoState(tracking, heartbeatDb, kiosks, before);
            System.out.printf(Locale.ROOT, "POST -> kiosk state: %.0f heartbeats/s%n", posted);
            double raw = rawConsumption();
            System.out.printf(Locale.ROOT, "raw consumption: %.0f records/s%n", raw);

            loadFleet(heartbeatDb);
            List<LoadRun.Result> dashboard = new ArrayList<>();
            for (String path : List.of("/api/heartbeats/summary", "/heartbeats", "/api/heartbeats/kiosks?status=OFFLINE",
                    "/api/heartbeats/queries/down", "/api/heartbeats/queries/uptime-by-project?days=7")) {
                dashboard.add(LoadRun.run("GET " + path, 4, Duration.ofSeconds(3), measure, () -> get(heartbeat + path)));
            }
            report(raw, consumed, posted, dashboard);
        }
        finally {
            for (Process process : processes) {
                process.destroy();
                process.waitFor();
            }
        }
    }

    private Started start(String service, String database, int port, List<String> extra) throws Exception {
        Path jar = repository.resolve(service + "/target/" + service + "-0.1.0-SNAPSHOT.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run ./mvnw -B package -DskipTests first");
        }
        Path log = Files.createTempFile(service + "-bench", ".log");
        Process process;
        if (service.equals("token-service")) {
            process = IntrospectionBenchmark.startTokenService(jar, database, port, log);
        }
        else {
            List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                    "-Xmx384m", "-XX:+UseSerialGC", "-jar", jar.toString(), "--server.port=" + port,
                    "--spring.datasource.url=" + database, "--spring.datasource.username=" + SharedPostgres.username(),
                    "--spring.datasource.password=" + SharedPostgres.password(),
                    "--spring.kafka.bootstrap-servers=" + SharedKafka.bootstrapServers(),
                    "--peptalk.web.identity.keys[0].id=" + GatewayIdentity.KEY_ID,
                    "--peptalk.web.identity.keys[0].public-key=" + GatewayIdentity.publicKey(),
                    "--logging.level.root=WARN"));
            command.addAll(extra);
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        }
        processes.add(process);
        return new Started("http://localhost:" + port, process, log);
    }

    private record Started(String base, Process process, Path log) {
    }

    private static long seedProject(String database) throws Exception {
        try (Connection connection = DriverManager.getConnection(database, SharedPostgres.username(),
                SharedPostgres.password()); Statement statement = connection.createStatement()) {
            ResultSet company = statement.executeQuery("insert into companies (name) values ('Bench Kiosks') returning id");
            company.next();
            ResultSet project = statement.executeQuery("insert into projects (company_id, name) values ("
                    + company.getLong(1) + ", 'Bench site') returning id");
            project.next();
            return project.getLong(1);
        }
    }

    /** Registers the kiosks through heartbeat-service (which gets their tokens from token-service): id, token. */
    private List<String[]> register(String heartbeat, long project) throws Exception {
        List<String[]> kiosks = new ArrayList<>();
        for (int first = 0; first < KIOSKS; first += 20) {
            StringBuilder body = new StringBuilder("{\"kiosks\": [");
            for (int i = first; i < first + 20; i++) {
                body.append(i == first ? "" : ",").append("{\"projectId\": ").append(project)
                        .append(", \"name\": \"Bench ").append(i).append("\"}");
            }
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(heartbeat
                            + "/api/heartbeats/kiosks/bulk")).header("Authorization", GatewayIdentity.authorization())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.append("]}").toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 201) {
                throw new IllegalStateException("registering kiosks answered " + answer.statusCode());
            }
            Matcher matcher = KIOSK.matcher(answer.body());
            while (matcher.find()) {
                kiosks.add(new String[] { matcher.group(1), matcher.group(2) });
            }
        }
        if (kiosks.size() != KIOSKS) {
            throw new IllegalStateException("registered " + kiosks.size() + " kiosks");
        }
        return kiosks;
    }

    /** Heartbeats published straight to the topic, per second until all are in the history. */
    private double consumedIntoState(String database, long before) throws Exception {
        EventCodec codec = new EventCodec(URI.create("/bench"), Clock.systemUTC());
        Instant base = Instant.now().minusSeconds(3600);
        long started = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < CONSUMED; i++) {
                KioskHeartbeatReceived beat = new KioskHeartbeatReceived("bench-" + (i % KIOSKS), 1,
                        base.plusMillis(i), "3.4.1", 80, "wifi", 3);
                producer.send(codec.toRecord(codec.envelopeFor(beat), beat));
            }
        }
        awaitCount(database, before + CONSUMED);
        return CONSUMED / ((System.nanoTime() - started) / 1e9);
    }

    /** Heartbeats posted through tracking-service in batches, per second until all are in the history. */
    private double postedIntoState(String tracking, String database, List<String[]> kiosks, long before)
            throws Exception {
        AtomicLong next = new AtomicLong();
        AtomicLong retries = new AtomicLong();
        Instant base = Instant.now().minusSeconds(1800);
        long started = System.nanoTime();
        ExecutorService posters = Executors.newFixedThreadPool(POSTERS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < POSTERS; t++) {
                done.add(posters.submit(() -> {
                    long batch;
                    while ((batch = next.getAndIncrement()) < POSTED / BATCH) {
                        String[] kiosk = kiosks.get((int) (batch % kiosks.size()));
                        StringBuilder body = new StringBuilder("{\"heartbeats\": [");
                        for (int i = 0; i < BATCH; i++) {
                            body.append(i == 0 ? "" : ",").append("{\"sentAt\": \"")
                                    .append(base.plusMillis(batch * BATCH + i)).append("\", \"appVersion\": \"3.4.1\"}");
                        }
                        HttpRequest post = HttpRequest.newBuilder(URI.create(tracking + "/api/kiosks/heartbeats"))
                                .header("Authorization", "Bearer " + kiosk[1]).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body.append("]}").toString())).build();
                        // a 503 accepted nothing: post again, as a kiosk does (a heartbeat recorded twice counts once)
                        int status = 503;
                        for (int attempt = 0; attempt < 5 && status == 503; attempt++) {
                            status = http.send(post, HttpResponse.BodyHandlers.discarding()).statusCode();
                            retries.addAndGet(status == 503 ? 1 : 0);
                        }
                        if (status != 202) {
                            throw new IllegalStateException("posting answered " + status);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> poster : done) {
                poster.get();
            }
        }
        finally {
            posters.shutdown();
        }
        awaitCount(database, before + POSTED);
        System.out.println("posts retried after a 503: " + retries.get());
        return POSTED / ((System.nanoTime() - started) / 1e9);
    }

    /** A bare consumer reading kiosk.heartbeats from the start: records per second, the ceiling. */
    private static double rawConsumption() {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "bench-raw-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.KIOSK_HEARTBEATS));
            long read = 0;
            long started = 0;
            Instant deadline = Instant.now().plusSeconds(120);
            while (read < CONSUMED + POSTED && Instant.now().isBefore(deadline)) {
                int polled = consumer.poll(Duration.ofMillis(500)).count();
                if (started == 0 && polled > 0) {
                    started = System.nanoTime();
                }
                read += polled;
            }
            return read / ((System.nanoTime() - started) / 1e9);
        }
    }

    /** 100,000 kiosks in 500 projects, a fifth of them with a down spell, as a big fleet's state. */
    private static void loadFleet(String database) throws Exception {
        try (Connection connection = DriverManager.getConnection(database, SharedPostgres.username(),
                SharedPostgres.password()); Statement statement = connection.createStatement()) {
            statement.execute("""
                    insert into kiosks (kiosk_id, project_id, name, status, status_since, last_seen_at, registered_at)
                    select 'fleet-' || n, 10000 + n %% 500, 'Fleet kiosk ' || n,
                           (array['ONLINE','ONLINE','ONLINE','ONLINE','ONLINE','ONLINE','LATE','OFFLINE','NEW','PAUSED'])[1 + n %% 10],
                           now() - (n %% 1440) * interval '1 minute', now() - (n %% 7) * interval '1 minute',
                           now() - interval '40 days'
                    from generate_series(1, %d) n
                    """.formatted(FLEET));
            statement.execute("""
                    insert into kiosk_status_flips (kiosk_id, project_id, from_status, to_status, flipped_at, last_seen_at)
                    select 'fleet-' || n, 10000 + n %% 500, 'NEW', 'ONLINE', now() - interval '35 days', now()
                    from generate_series(1, %1$d) n
                    union all
                    select 'fleet-' || n, 10000 + n %% 500, 'ONLINE', 'OFFLINE', now() - (n %% 600) * interval '1 hour', now()
                    from generate_series(1, %1$d, 5) n
                    union all
                    select 'fleet-' || n, 10000 + n %% 500, 'OFFLINE', 'ONLINE', now() - (n %% 600) * interval '1 hour' + interval '40 minutes', now()
                    from generate_series(1, %1$d, 5) n where n %% 10 <> 7
                    """.formatted(FLEET));
            // a daily period for the fleet's projects: the sweep leaves the loaded state as it is while measured
            statement.execute("""
                    insert into project_schedules (project_id, period, grace)
                    select p, interval '1 day', interval '1 hour' from generate_series(10000, 10499) p
                    """);
            statement.execute("analyze");
        }
    }

    private void get(String url) {
        try {
            HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", GatewayIdentity.authorization()).build(), HttpResponse.BodyHandlers.discarding());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + answer.statusCode());
            }
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private static long count(String database) throws Exception {
        try (Connection connection = DriverManager.getConnection(database, SharedPostgres.username(),
                SharedPostgres.password()); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select count(*) from heartbeats")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void awaitCount(String database, long expected) throws Exception {
        Instant deadline = Instant.now().plusSeconds(600);
        while (count(database) < expected) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("heartbeat-service did not record " + expected + " heartbeats in 600 s");
            }
            Thread.sleep(100);
        }
    }

    private void report(double raw, double consumed, double posted, List<LoadRun.Result> dashboard) throws IOException {
        StringBuilder out = new StringBuilder("# Kiosk heartbeats benchmark\n\n");
        out.append("%d cores, Java %s; %d kiosks posting, %d callers for the dashboard, %s per dashboard scenario.%n%n"
                .formatted(Runtime.getRuntime().availableProcessors(), Runtime.version(), KIOSKS, 4, measure));
        out.append("| path | heartbeats | heartbeats/s | vs raw consumption |\n|---|---|---|---|\n");
        out.append(String.format(Locale.ROOT, "| raw consumption of kiosk.heartbeats (baseline) | %d | %.0f | 1.00x |%n",
                CONSUMED + POSTED, raw));
        out.append(String.format(Locale.ROOT, "| published to the topic → kiosk state | %d | %.0f | %.3fx |%n", CONSUMED,
                consumed, consumed / raw));
        out.append(String.format(Locale.ROOT, "| POST /api/kiosks/heartbeats (batches of %d, %d posters) → kiosk state | %d | %.0f | %.3fx |%n%n",
                BATCH, POSTERS, POSTED, posted, posted / raw));
        out.append("Dashboard with %,d kiosks loaded:%n%n".formatted(FLEET));
        out.append(LoadRun.table(dashboard));
        System.out.print(out);
        Path file = repository.resolve("benchmarks/target/heartbeats-results.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, out);
        System.out.println("written to " + file);
    }
}
