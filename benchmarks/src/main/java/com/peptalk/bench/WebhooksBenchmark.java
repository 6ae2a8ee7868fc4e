package com.peptalk.bench;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Signed Twilio status callbacks per second that tracking-service verifies (Twilio SDK validator), logs and publishes
 * (webhook log row, receipt and outbox row in one transaction), straight to tracking-service and through the gateway,
 * against a bare endpoint of the same service that only answers 200 (its liveness probe), in the same run:
 * closed-loop callers, interleaved rounds, the median round of each scenario. Needs the stack of {@code ./run up}
 * (ports shifted by {@code PEPTALK_PORT_OFFSET}) with a Twilio auth token for tracking
 * ({@code PEPTALK_TRACKING_TWILIO_AUTHTOKEN}, from the environment or the run's {@code secrets.env}) and the gateway's
 * webhook rate limit raised out of the way ({@code PEPTALK_GATEWAY_RATELIMITS_GROUPS_WEBHOOKS_REFILLPERSECOND}).
 */
final class WebhooksBenchmark {

    private static final int THREADS = 8;
    private static final int ROUNDS = 3;
    private static final String TOKEN_SETTING = "PEPTALK_TRACKING_TWILIO_AUTHTOKEN";

    private final Path repository;
    private final Duration measure;
    private final String tracking;
    private final String gateway;
    private final String publicBaseUrl;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private String token;

    WebhooksBenchmark(Path repository, int seconds) {
        this.repository = repository;
        this.measure = Duration.ofSeconds(seconds);
        int offset = Integer.parseInt(System.getenv().getOrDefault("PEPTALK_PORT_OFFSET", "0"));
        this.tracking = "http://localhost:" + (8085 + offset);
        this.gateway = "http://localhost:" + (8080 + offset);
        this.publicBaseUrl = System.getenv().getOrDefault("PEPTALK_TRACKING_PUBLICBASEURL", gateway);
    }

    void run() throws Exception {
        token = authToken();
        expect(200, send(HttpRequest.newBuilder(URI.create(tracking + "/actuator/health/liveness")).GET().build()));
        expect(200, callback(tracking));
        expect(200, callback(gateway));

        Map<String, Runnable> scenarios = new LinkedHashMap<>();
        scenarios.put("bare 200 (tracking liveness, baseline)", () -> expect(200, send(HttpRequest.newBuilder(
                URI.create(tracking + "/actuator/health/liveness")).timeout(Duration.ofSeconds(30)).GET().build())));
        scenarios.put("signed status callback, direct", () -> expect(200, callback(tracking)));
        scenarios.put("signed status callback, through the gateway", () -> expect(200, callback(gateway)));
        scenarios.put("forged status callback, direct (401)", () -> expect(401, forged(tracking)));

        Map<String, List<LoadRun.Result>> rounds = new LinkedHashMap<>();
        for (int round = 0; round < ROUNDS; round++) {
            for (Map.Entry<String, Runnable> scenario : scenarios.entrySet()) {
                rounds.computeIfAbsent(scenario.getKey(), name -> new ArrayList<>()).add(LoadRun.run(scenario.getKey(),
                        THREADS, Duration.ofSeconds(round == 0 ? 5 : 2), measure, scenario.getValue()));
            }
        }
        report(rounds.values().stream().map(LoadRun::median).toList());
    }

    /** A delivered callback for a new message and MessageSid (so nothing is a duplicate), signed as Twilio does. */
    private HttpResponse<String> callback(String base) {
        String pathAndQuery = "/webhooks/twilio/status?message_id=" + UUID.randomUUID();
        Map<String, String> form = form();
        return post(base + pathAndQuery, form, signature(publicBaseUrl + pathAndQuery, form));
    }

    private HttpResponse<String> forged(String base) {
        String pathAndQuery = "/webhooks/twilio/status?message_id=" + UUID.randomUUID();
        return post(base + pathAndQuery, form(), "bm90IGEgc2lnbmF0dXJl");
    }

    private static Map<String, String> form() {
        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("MessageSid", sid);
        form.put("SmsSid", sid);
        form.put("AccountSid", "AC00000000000000000000000000000000");
        form.put("From", "+15005550006");
        form.put("To", "+15558675310");
        form.put("MessageStatus", "delivered");
        form.put("SmsStatus", "delivered");
        form.put("ApiVersion", "2010-04-01");
        return form;
    }

    /** Twilio's "Webhooks security": base64(HMAC-SHA1(auth token, URL + each field's name and value, sorted by name)). */
    private String signature(String url, Map<String, String> form) {
        String data = url + new TreeMap<>(form).entrySet().stream().map(e -> e.getKey() + e.getValue()).collect(Collectors.joining());
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> post(String url, Map<String, String> form, String signature) {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-Twilio-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private String authToken() throws IOException {
        String fromEnvironment = System.getenv(TOKEN_SETTING);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment.split(",")[0].trim();
        }
        Path secrets = repository.resolve(System.getenv().getOrDefault("PEPTALK_RUN_DIR", ".run")).resolve("secrets.env");
        if (Files.exists(secrets)) {
            for (String line : Files.readAllLines(secrets)) {
                String trimmed = line.strip().replaceFirst("^export\\s+", "");
                if (trimmed.startsWith(TOKEN_SETTING + "=")) {
                    return trimmed.substring(TOKEN_SETTING.length() + 1).replace("\"", "").replace("'", "").split(",")[0].trim();
                }
            }
        }
        throw new IllegalStateException(TOKEN_SETTING + " is not set (environment or " + secrets + "): tracking-service"
                + " refuses every Twilio callback without it");
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private static void expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("expected " + status + ", got " + response.statusCode() + " from " + response.uri().getPath());
        }
    }

    private void report(List<LoadRun.Result> results) throws IOException {
        StringBuilder out = new StringBuilder("# Webhooks benchmark (tracking-service, Twilio status callbacks)\n\n");
        out.append("%d closed-loop callers, %d interleaved rounds of %s per scenario (the median round is shown), %d cores, Java %s.%n%n"
                .formatted(THREADS, ROUNDS, measure, Runtime.getRuntime().availableProcessors(), Runtime.version()));
        out.append(LoadRun.table(results));
        System.out.print(out);
        Path file = repository.resolve("benchmarks/target/webhooks-results.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, out);
        System.out.println("written to " + file);
    }
}
