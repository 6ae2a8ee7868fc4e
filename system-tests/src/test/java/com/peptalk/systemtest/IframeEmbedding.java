package com.peptalk.systemtest;

import com.peptalk.events.DomainEvent;
import com.peptalk.events.EventCodec;
import com.peptalk.events.comms.Channel;
import com.peptalk.events.comms.DeliveryAccepted;
import com.peptalk.events.comms.DeliveryFailed;
import com.peptalk.events.comms.MessageStatus;
import com.peptalk.events.comms.MessageStatusReported;
import com.peptalk.events.comms.Recipient;
import com.peptalk.events.comms.RenderedContent;
import com.peptalk.events.comms.SendRequested;
import com.peptalk.testsupport.HeadlessChromium;
import com.sun.net.httpserver.HttpServer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Procore's side of the iframe, played for real: a parent page on another origin embeds the iframe through the
 * gateway in headless Chromium. One parent origin is allowed (it is added to the frame-ancestors of the stack
 * under test), the other is not and must be refused by the browser.
 */
final class IframeEmbedding implements AutoCloseable {

    private String adminKey;

    private final HttpServer allowedParent;
    private final HttpServer refusedParent;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private volatile String iframeUrl = "about:blank";

    IframeEmbedding() {
        allowedParent = parentPage();
        refusedParent = parentPage();
    }

    /** The origin allowed to frame the iframe, for the stack's settings. */
    String allowedOrigin() {
        return "http://127.0.0.1:" + allowedParent.getAddress().getPort();
    }

    String refusedOrigin() {
        return "http://127.0.0.1:" + refusedParent.getAddress().getPort();
    }

    record Seeded(String groupToken, long firstProject, String firstName, long secondProject, String secondName) {
    }

    /**
     * A company, two projects and a group with its token, through the gateway as an admin with the local admin key
     * (token-service answers only requests the gateway relays).
     */
    Seeded seed(String gateway, String adminKey) throws Exception {
        this.adminKey = adminKey;
        String tokenService = gateway;
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        long company = post(tokenService + "/api/directory/companies", Map.of("name", "Embed Builders " + suffix))
                .get("id").asLong();
        String firstName = "Riverside Tower " + suffix;
        String secondName = "Harbor Bridge " + suffix;
        long first = post(tokenService + "/api/directory/projects", Map.of("companyId", company, "name", firstName,
                "timeZone", "America/Chicago")).get("id").asLong();
        long second = post(tokenService + "/api/directory/projects", Map.of("companyId", company, "name",
                secondName)).get("id").asLong();
        long group = post(tokenService + "/api/directory/project-groups", Map.of("companyId", company, "name",
                "All sites " + suffix, "projectIds", List.of(first, second))).get("id").asLong();
        post(tokenService + "/api/directory/project-groups/api-tokens", Map.of("projectGroupIds", List.of(group)));
        String token = json.readTree(http.send(HttpRequest.newBuilder(URI.create(tokenService
                + "/api/directory/project-groups/" + group + "/procore")).header("Authorization", "Bearer " + adminKey)
                .build(),
                HttpResponse.BodyHandlers.ofString()).body()).get("token").asString();
        return new Seeded(token, first, firstName, second, secondName);
    }

    /**
     * Messages of the first project: 3 requested, 2 accepted by the provider, 1 delivered and opened, 1 failed
     * for good. The dashboard must show sent 2, delivered 1, failed 1, opened 1. The requests are due in 30 days: the
     * stack's delivery-service consumes them too and would otherwise send them through its sandbox, adding outcomes
     * of its own (and the page's reloads would then run into the iframe route's rate limit).
     */
    void publishMessages(String bootstrapServers, long project) {
        EventCodec codec = new EventCodec(URI.create("/system-test"), Clock.systemUTC());
        UUID delivered = UUID.randomUUID();
        UUID failed = UUID.randomUUID();
        UUID pending = UUID.randomUUID();
        List<DomainEvent> events = new ArrayList<>();
        for (UUID message : List.of(delivered, failed, pending)) {
            events.add(new SendRequested(message, UUID.randomUUID(), UUID.randomUUID(),
                    new Recipient(1, "Sam Ortiz", "sam@example.com", null), Channel.EMAIL, null,
                    new RenderedContent("Toolbox talk", "<p>7am</p>", "7am", "Toolbox talk 7am"), List.of(project),
                    // held by the stack's delivery-service (due in 30 days), so only this script's outcomes count
                    Instant.now().plus(java.time.Duration.ofDays(30))));
        }
        events.add(new DeliveryAccepted(delivered, 1, Channel.EMAIL, "ses", "ses-1"));
        events.add(new DeliveryAccepted(failed, 1, Channel.EMAIL, "ses", "ses-2"));
        events.add(new MessageStatusReported(delivered, Channel.EMAIL, "ses", "ses-1", MessageStatus.DELIVERED,
                Instant.now(), null));
        events.add(new MessageStatusReported(delivered, Channel.EMAIL, "ses", "ses-1", MessageStatus.OPENED,
                Instant.now(), null));
        events.add(new DeliveryFailed(failed, 1, Channel.EMAIL, "ses", "MessageRejected", true));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), new StringSerializer(),
                new ByteArraySerializer())) {
            for (DomainEvent event : events) {
                producer.send(codec.toRecord(codec.envelopeFor(event), event)).get(10, TimeUnit.SECONDS);
            }
        }
        catch (Exception ex) {
            throw new IllegalStateException("could not publish the test's events", ex);
        }
    }

    /**
     * In the allowed parent: the project list, "View dashboard" of the first project, its numbers, "Switch
     * project" back to the list, then the second project's dashboard.
     */
    void browseFromAnAllowedParent(HeadlessChromium chromium, String gateway, Seeded seeded) {
        WebDriver browser = chromium.driver();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        iframeUrl = gateway + "/integrations/procore/iframe?api_token="
                + URLEncoder.encode(seeded.groupToken(), StandardCharsets.UTF_8);
        browser.get(allowedOrigin() + "/procore-project-page");
        browser.switchTo().frame(browser.findElement(By.id("peptalk")));
        wait.until(d -> !d.findElements(By.id("project-" + seeded.firstProject())).isEmpty());
        assertThat(browser.findElement(By.id("projects")).getText()).contains(seeded.firstName(),
                seeded.secondName());
        chromium.screenshot("iframe-01-project-list");

        browser.findElement(By.cssSelector("#project-" + seeded.firstProject() + " a.view-dashboard")).click();
        wait.until(d -> !d.findElements(By.id("project-name")).isEmpty());
        assertThat(browser.findElement(By.id("project-name")).getText()).isEqualTo(seeded.firstName());
        assertThat(frameUrl(browser)).contains("project_id=" + seeded.firstProject());
        // the read model catches up with the published events: reload until the numbers are there
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!"2".equals(metric(browser, "all.sent.30d")) && System.nanoTime() < deadline) {
            browser.navigate().refresh();
            wait.until(d -> !d.findElements(By.id("project-name")).isEmpty());
        }
        assertThat(metric(browser, "all.sent.30d")).isEqualTo("2");
        assertThat(metric(browser, "all.delivered.30d")).isEqualTo("1");
        assertThat(metric(browser, "all.failed.30d")).isEqualTo("1");
        assertThat(metric(browser, "email.opened.30d")).isEqualTo("1");
        assertThat(metric(browser, "all.delivery-rate.30d")).isEqualTo("50%");
        chromium.screenshot("iframe-02-dashboard");

        browser.findElement(By.id("switch-project")).click();
        wait.until(d -> !d.findElements(By.id("projects")).isEmpty());
        assertThat(frameUrl(browser)).contains("api_token=").doesNotContain("project_id=");
        browser.findElement(By.cssSelector("#project-" + seeded.secondProject() + " a.view-dashboard")).click();
        wait.until(d -> !d.findElements(By.id("project-name")).isEmpty());
        assertThat(browser.findElement(By.id("project-name")).getText()).isEqualTo(seeded.secondName());
        assertThat(metric(browser, "all.sent.30d")).isEqualTo("0");
        chromium.screenshot("iframe-03-switched-project");
        browser.switchTo().defaultContent();
    }

    /** In the other parent, the browser refuses to show the iframe: its frame holds none of our page. */
    void isRefusedInAParentThatIsNotAllowed(HeadlessChromium chromium, String gateway, Seeded seeded) {
        WebDriver browser = chromium.driver();
        iframeUrl = gateway + "/integrations/procore/iframe?api_token="
                + URLEncoder.encode(seeded.groupToken(), StandardCharsets.UTF_8);
        browser.get(refusedOrigin() + "/procore-project-page");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Procore project");
        browser.switchTo().frame(browser.findElement(By.id("peptalk")));
        String framed = browser.getPageSource();
        browser.switchTo().defaultContent();
        chromium.screenshot("iframe-04-refused-parent");
        assertThat(framed).doesNotContain(seeded.firstName()).doesNotContain("View dashboard");
    }

    /** The address of the frame the driver is in (getCurrentUrl() would answer the parent page's). */
    private static String frameUrl(WebDriver browser) {
        return (String) ((JavascriptExecutor) browser).executeScript("return location.href");
    }

    private static String metric(WebDriver browser, String name) {
        return browser.findElement(By.cssSelector("[data-metric='" + name + "']")).getText().strip();
    }

    private JsonNode post(String url, Object body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + adminKey)
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("POST %s: %s", URI.create(url).getPath(), response.body())
                .isBetween(200, 299);
        return json.readTree(response.body());
    }

    /** Plays Procore: a project page with the app in an iframe. */
    private HttpServer parentPage() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                byte[] page = """
                        <!doctype html><html lang="en"><head><title>Procore</title></head><body>
                        <h1>Procore project</h1>
                        <iframe id="peptalk" title="Peptalk" src="%s" width="1000" height="800"></iframe>
                        </body></html>""".formatted(iframeUrl.replace("&", "&amp;").replace("\"", "&quot;"))
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, page.length);
                exchange.getResponseBody().write(page);
                exchange.close();
            });
            server.start();
            return server;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static Path screenshots() {
        return Path.of(System.getProperty("peptalk.systemtest.screenshots", "target/screenshots"));
    }

    @Override
    public void close() {
        allowedParent.stop(0);
        refusedParent.stop(0);
    }
}
