package com.peptalk.bench;

import com.peptalk.events.DomainEvent;
import com.peptalk.events.EventCodec;
import com.peptalk.events.comms.Channel;
import com.peptalk.events.comms.DeliveryAccepted;
import com.peptalk.events.comms.MessageStatus;
import com.peptalk.events.comms.MessageStatusReported;
import com.peptalk.events.comms.Recipient;
import com.peptalk.events.comms.RenderedContent;
import com.peptalk.events.comms.SendRequested;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The project dashboard of the Procore iframe at a fixed request rate: straight from procore-iframe-service (the
 * baseline) and through the gateway (what Procore's users get), in the same run, against the stack that
 * {@code ./run up} started (ports shifted by {@code PEPTALK_PORT_OFFSET}). Seeds its own company, projects, group
 * and a month of message events first.
 */
final class DashboardBenchmark {

    private static final int[] RATES = { 20, 50 };
    private final Path repository;
    private final Duration measure;
    private final int offset;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    DashboardBenchmark(Path repository, int seconds) {
        this.repository = repository;
        this.measure = Duration.ofSeconds(seconds);
        this.offset = Integer.parseInt(System.getenv().getOrDefault("PEPTALK_PORT_OFFSET", "0"));
    }

    /** token-service is called directly to seed: as the gateway would relay an admin. */
    private String admin;

    void run() throws Exception {
        admin = LocalIdentity.authorization(repository);
        if (get(url(8080, "/actuator/health/downstream")) != 200) {
            throw new IllegalStateException("the stack is not up and healthy: ./run up first");
        }
        long company = id(post(url(8081, "/api/directory/companies"), "{\"name\": \"Bench Builders " + UUID.randomUUID()
                + "\"}"));
        List<Long> projects = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            projects.add(id(post(url(8081, "/api/directory/projects"), "{\"companyId\": " + company
                    + ", \"name\": \"Bench site " + i + "\", \"timeZone\": \"America/Chicago\"}")));
        }
        long group = id(post(url(8081, "/api/directory/project-groups"), "{\"companyId\": " + company
                + ", \"name\": \"Bench group\", \"projectIds\": " + projects + "}"));
        post(url(8081, "/api/directory/project-groups/api-tokens"), "{\"projectGroupIds\": [" + group + "]}");
        String groupToken = field(send(HttpRequest.newBuilder(URI.create(url(8081, "/api/directory/project-groups/"
                + group + "/procore"))).header("Authorization", admin).build()), "token");
        int events = publishMonthOfMessages(projects.getFirst());
        String path = "/integrations/procore/iframe?api_token=" + URLEncoder.encode(groupToken, StandardCharsets.UTF_8)
                + "&project_id=" + projects.getFirst();
        awaitDashboard(url(8082, path));

        List<FixedRateRun.Result> results = new ArrayList<>();
        for (int rate : RATES) {
            get(url(8082, path));
            results.add(FixedRateRun.run("iframe service direct (baseline)", rate, measure, () -> get(url(8082, path))));
            get(url(8080, path));
            results.add(FixedRateRun.run("through the gateway", rate, measure, () -> get(url(8080, path))));
        }
        report(results, events);
    }

    private int publishMonthOfMessages(long project) throws Exception {
        EventCodec codec = new EventCodec(URI.create("/benchmark"), Clock.systemUTC());
        List<DomainEvent> events = new ArrayList<>();
        Instant now = Instant.now();
        for (int i = 0; i < 600; i++) {
            UUID message = UUID.randomUUID();
            Channel channel = i % 3 == 0 ? Channel.SMS : Channel.EMAIL;
            Instant at = now.minus(Duration.ofHours(i));
            events.add(new SendRequested(message, UUID.randomUUID(), UUID.randomUUID(),
                    new Recipient(i, "Worker " + i, "worker" + i + "@example.com", "+15005550006"), channel, null,
                    new RenderedContent("Toolbox talk", "<p>7am</p>", "7am", "Toolbox talk 7am"), List.of(project),
                    null));
            events.add(new DeliveryAccepted(message, 1, channel, channel == Channel.SMS ? "twilio" : "ses", "p-" + i));
            if (i % 10 != 0) {
                events.add(new MessageStatusReported(message, channel, "ses", "p-" + i, MessageStatus.DELIVERED, at,
                        null));
            }
            if (i % 4 == 0 && channel == Channel.EMAIL) {
                events.add(new MessageStatusReported(message, channel, "ses", "p-" + i, MessageStatus.OPENED, at,
                        null));
            }
        }
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + (19092 + offset)),
                new StringSerializer(), new ByteArraySerializer())) {
            for (DomainEvent event : events) {
                producer.send(codec.toRecord(codec.envelopeFor(event), event));
            }
            producer.flush();
        }
        return events.size();
    }

    private void awaitDashboard(String url) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            if (get(url) == 200) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the dashboard did not answer 200 within 60 s: " + url.replaceAll(
                "api_token=[^&]+", "api_token=…"));
    }

    private void report(List<FixedRateRun.Result> results, int events) throws IOException {
        StringBuilder out = new StringBuilder("# Dashboard benchmark\n\n");
        out.append("Open-loop load at fixed rates, %s per scenario, latency measured from each request's due time; "
                .formatted(measure));
        out.append("%d message events seeded for the project; %d cores, Java %s. Everything (stack and load) on this machine.%n%n"
                .formatted(events, Runtime.getRuntime().availableProcessors(), Runtime.version()));
        out.append("| scenario | rate/s | sent | ok | failed | achieved ok/s | p50 ms | p95 ms | p99 ms | p95 vs baseline |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|\n");
        FixedRateRun.Result baseline = null;
        for (FixedRateRun.Result r : results) {
            if (r.name().contains("baseline")) {
                baseline = r;
            }
            out.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %.1f | %.2f | %.2f | %.2f | %.2fx |%n",
                    r.name(), r.rate(), r.sent(), r.ok(), r.failed(), r.achievedPerSecond(), r.p50Nanos() / 1e6,
                    r.p95Nanos() / 1e6, r.p99Nanos() / 1e6, (double) r.p95Nanos() / baseline.p95Nanos()));
        }
        System.out.print(out);
        Path file = repository.resolve("benchmarks/target/dashboard-results.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, out);
        System.out.println("written to " + file);
    }

    private String url(int port, String path) {
        return "http://localhost:" + (port + offset) + path;
    }

    private int get(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        }
        catch (IOException ex) {
            return -1;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private String post(String url, String json) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header("Authorization", admin).POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private String send(HttpRequest request) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(request.method() + " " + request.uri().getPath() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static long id(String json) {
        return Long.parseLong(field(json, "id"));
    }

    private static String field(String json, String name) {
        Matcher value = Pattern.compile("\"" + name + "\"\\s*:\\s*\"?([^\",}]+)").matcher(json);
        if (!value.find()) {
            throw new IllegalStateException("no " + name + " in the answer");
        }
        return value.group(1);
    }
}
