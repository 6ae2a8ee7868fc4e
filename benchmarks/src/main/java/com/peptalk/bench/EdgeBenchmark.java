package com.peptalk.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the web edge of libs/web costs, and that its refusals are cheaper than the work they prevent: against
 * token-service of the stack {@code ./run up} started (ports shifted by {@code PEPTALK_PORT_OFFSET}), closed-loop
 * callers, interleaved rounds, the median round of each scenario, ratios against a plain list request in the same
 * run. Scenarios: the baseline list; the same list with a long (3.5 kB) query the guard decodes; an undecodable
 * query ({@code %FF}, refused by the guard with a 400 page through the error dispatch); a request line over the
 * limit (414); a create without and with a fresh {@code Idempotency-Key} (one claim and one store more); the replay
 * of a stored key.
 */
final class EdgeBenchmark {

    private static final int THREADS = 8;
    private static final int ROUNDS = 3;

    private final Path repository;
    private final Duration measure;
    private final String base;
    /** The identity the gateway would relay for an admin (token-service is called directly: the baseline). */
    private String admin;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    EdgeBenchmark(Path repository, int seconds) {
        this.repository = repository;
        this.measure = Duration.ofSeconds(seconds);
        int offset = Integer.parseInt(System.getenv().getOrDefault("PEPTALK_PORT_OFFSET", "0"));
        this.base = "http://localhost:" + (8081 + offset);
    }

    void run() throws Exception {
        admin = LocalIdentity.authorization(repository);
        if (status(get("/actuator/health/readiness")) != 200) {
            throw new IllegalStateException("token-service is not ready: ./run up first");
        }
        String replayKey = UUID.randomUUID().toString();
        String replayBody = company("Bench replay");
        expect(201, post(replayBody, replayKey));
        AtomicLong created = new AtomicLong();
        String padding = "x".repeat(3500);

        Map<String, Runnable> scenarios = new LinkedHashMap<>();
        scenarios.put("GET list (baseline)", () -> expect(200, get("/api/directory/companies?size=1")));
        scenarios.put("GET list, 3.5 kB query", () -> expect(200, get("/api/directory/companies?size=1&pad="
                + padding)));
        scenarios.put("GET list, undecodable query (400)", () -> expect(400, get("/api/directory/companies?q=%FF")));
        scenarios.put("GET list, request line over 4 kB (414)", () -> expect(414, get("/api/directory/companies?pad="
                + padding + padding)));
        scenarios.put("POST create, no key", () -> expect(201, post(company("Bench " + created.incrementAndGet()),
                null)));
        scenarios.put("POST create, fresh Idempotency-Key", () -> expect(201, post(company("Bench "
                + created.incrementAndGet()), UUID.randomUUID().toString())));
        scenarios.put("POST create, replayed key", () -> expect(201, post(replayBody, replayKey)));

        Map<String, List<LoadRun.Result>> rounds = new LinkedHashMap<>();
        for (int round = 0; round < ROUNDS; round++) {
            for (Map.Entry<String, Runnable> scenario : scenarios.entrySet()) {
                rounds.computeIfAbsent(scenario.getKey(), name -> new ArrayList<>()).add(LoadRun.run(scenario.getKey(),
                        THREADS, Duration.ofSeconds(round == 0 ? 5 : 2), measure, scenario.getValue()));
            }
        }
        report(rounds.values().stream().map(LoadRun::median).toList());
    }

    private static String company(String name) {
        return "{\"name\":\"" + name + " " + UUID.randomUUID() + "\"}";
    }

    private HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", admin).GET().build());
    }

    private HttpResponse<String> post(String body, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/directory/companies"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json").header("Authorization", admin)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request.build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private static int status(HttpResponse<String> response) {
        return response.statusCode();
    }

    private static void expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("expected " + status + ", got " + response.statusCode());
        }
    }

    private void report(List<LoadRun.Result> results) throws IOException {
        StringBuilder out = new StringBuilder("# Web edge benchmark (token-service)\n\n");
        out.append("%d closed-loop callers, %d interleaved rounds of %s per scenario (the median round is shown), %d cores, Java %s.%n%n"
                .formatted(THREADS, ROUNDS, measure, Runtime.getRuntime().availableProcessors(), Runtime.version()));
        out.append(LoadRun.table(results));
        System.out.print(out);
        Path file = repository.resolve("benchmarks/target/edge-results.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, out);
        System.out.println("written to " + file);
    }
}
