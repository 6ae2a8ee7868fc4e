package com.peptalk.systemtest;

import com.peptalk.systemtest.LocalStack.Result;
import com.peptalk.systemtest.ProcessTable.Proc;
import com.peptalk.testsupport.HeadlessChromium;
import org.assertj.core.api.SoftAssertions;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The platform as a developer runs it (README: {@code ./run up}): PostgreSQL, Kafka and the seven packaged services,
 * each a process of its own. Checks that each service is ready, that the gateway sees them all and routes to them,
 * that the first run loads the demo data and prints ready iframe URLs, that a Procore user can browse a project group in the iframe through the gateway in a real browser (and that a
 * parent page not allowed to frame it is refused), that the platform's main job runs end to end on the providers'
 * real formats ({@link MessageJourneys}: a Procore webhook to a delivered SMS on the dashboard; a bounced email
 * suppressed and sent once by SMS instead), that the whole stack stays under 4 GB of resident memory, and
 * that {@code ./run down} leaves no process behind.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class LocalStackIT {

    private static final Duration UP_TIMEOUT = Duration.ofMinutes(9);
    private static final Duration DOWN_TIMEOUT = Duration.ofMinutes(2);
    private static final long MAX_RSS_MB = Long.getLong("peptalk.systemtest.max-rss-mb", 4096);

    /** What the gateway's downstream health group must list (gateway-service application.yml). */
    private static final List<String> DOWNSTREAM = List.of("token-service", "procore-iframe-service",
            "automation-service", "delivery-service", "tracking-service", "heartbeat-service");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    private LocalStack stack;
    /** What the first {@code ./run up} printed. */
    private String upOutput = "";
    private final IframeEmbedding embedding = new IframeEmbedding();
    private Thread stopOnExit;
    /** Every process seen while the stack ran: ./run down must end them all. */
    private final Map<String, List<Proc>> seen = new LinkedHashMap<>();

    @BeforeAll
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void startTheStack() {
        stack = LocalStack.fromSystemProperties();
        System.out.printf("system test stack: run directory %s, port offset %d (gateway %s)%n", stack.runDir(),
                stack.portOffset(), stack.url("gateway-service"));
        stack.clean();
        // the parent page of the iframe test plays Procore: its origin may frame the iframe, as Procore's may
        String frameAncestors = "https://*.procore.com," + embedding.allowedOrigin();
        stack.setEnvironment("PEPTALK_GATEWAY_FRAMEANCESTORS", frameAncestors);
        stack.setEnvironment("PEPTALK_IFRAME_FRAMEANCESTORS", frameAncestors);
        // should this JVM be ended (failsafe's timeout, Ctrl-C), the stack goes with it
        stopOnExit = new Thread(() -> {
            if (stack.isUp()) {
                stack.down(DOWN_TIMEOUT);
            }
        }, "system-test-stack-stop");
        Runtime.getRuntime().addShutdownHook(stopOnExit);

        Result up = stack.up(UP_TIMEOUT);
        upOutput = up.output();
        remember(stack.processes());
        assertThat(up.exitCode()).as("./run up exit code; its output:%n%s", up.output()).isZero();
        System.out.printf("./run up took %d s%n", up.took().toSeconds());
    }

    @Test
    @Order(1)
    void everyServiceIsReady() throws Exception {
        SoftAssertions softly = new SoftAssertions();
        for (String service : LocalStack.SERVICES.keySet()) {
            HttpResponse<String> response = get(stack.managementUrl(service) + "/actuator/health/readiness");
            softly.assertThat(response.statusCode()).as("%s readiness: %s", service, response.body()).isEqualTo(200);
            if (response.statusCode() == 200) {
                softly.assertThat(json.readTree(response.body()).path("status").asString())
                        .as("%s readiness status", service).isEqualTo("UP");
            }
        }
        softly.assertAll();
    }

    @Test
    @Order(2)
    void theGatewaySeesEveryServiceHealthy() throws Exception {
        String url = stack.managementUrl("gateway-service") + "/actuator/health/downstream";
        // ./run up has waited for every service; give the gateway's own probes a moment all the same
        HttpResponse<String> response = awaitResponse(url, Duration.ofSeconds(60),
                candidate -> candidate.statusCode() == 200 && allDownstreamUp(candidate.body()));
        assertThat(response.statusCode()).as("GET %s: %s", url, response.body()).isEqualTo(200);
        JsonNode health = json.readTree(response.body());
        assertThat(health.path("status").asString()).as("downstream health: %s", response.body()).isEqualTo("UP");
        SoftAssertions softly = new SoftAssertions();
        for (String service : DOWNSTREAM) {
            softly.assertThat(health.path("components").path(service).path("status").asString())
                    .as("%s in the gateway's downstream health: %s", service, response.body()).isEqualTo("UP");
        }
        softly.assertAll();
    }

    /**
     * The iframe route is not authenticated by the gateway (the service checks the api_token itself), so the
     * gateway's answer must be the service's own: same status, same content type, same body (request ids and
     * times aside).
     */
    @Test
    @Order(3)
    void aRouteThroughTheGatewayReachesItsService() throws Exception {
        String path = "/integrations/procore/iframe?api_token=system-test-not-a-token";
        HttpResponse<String> direct = get(stack.url("procore-iframe-service") + path);
        HttpResponse<String> routed = get(stack.url("gateway-service") + path);
        HttpResponse<String> unrouted = get(stack.url("gateway-service") + "/system-test-no-such-route");

        assertThat(routed.statusCode()).as("status through the gateway (%s) vs. the service's own (%s)", routed.body(),
                direct.body()).isEqualTo(direct.statusCode()).isLessThan(500);
        assertThat(mediaType(routed)).as("content type through the gateway").isEqualTo(mediaType(direct));
        assertThat(normalized(routed.body())).as("body through the gateway vs. the service's own")
                .isEqualTo(normalized(direct.body()));
        // and it is not just the gateway answering by itself
        assertThat(normalized(routed.body())).as("a routed answer differs from the gateway's answer to no route")
                .isNotEqualTo(normalized(unrouted.body()));
    }

    /**
     * A fresh run directory's {@code ./run up} loads the demo directory (infra/seed/10-directory.sh) and prints a
     * ready iframe URL for a project and for a group, and the admin pages; seeding again adds nothing.
     */
    @Test
    @Order(4)
    void theFirstRunLoadsTheDemoDataAndPrintsReadyIframeUrlsAndSeedingAgainAddsNothing() throws Exception {
        String gateway = stack.url("gateway-service");
        Matcher project = Pattern.compile("iframe, project \"([^\"]+)\":\\s+(\\S+)").matcher(upOutput);
        Matcher group = Pattern.compile("iframe, group \"([^\"]+)\":\\s+(\\S+)").matcher(upOutput);
        assertThat(project.find()).as("a project's iframe URL in the output of ./run up:%n%s", upOutput).isTrue();
        assertThat(group.find()).as("a group's iframe URL in the output of ./run up:%n%s", upOutput).isTrue();
        assertThat(upOutput).contains(gateway + "/admin/project_groups", gateway + "/admin/projects");
        String iframe = gateway + "/integrations/procore/iframe?api_token=";
        assertThat(project.group(2)).startsWith(iframe + "ppt_pr_");
        assertThat(group.group(2)).startsWith(iframe + "ppt_pg_");

        // the iframe's read model learns the projects from directory.events: give it a moment
        HttpResponse<String> projectPage = awaitResponse(project.group(2), Duration.ofSeconds(60),
                response -> response.statusCode() == 200 && response.body().contains(project.group(1)));
        assertThat(projectPage.statusCode()).as("the demo project's iframe: %s", projectPage.body()).isEqualTo(200);
        assertThat(projectPage.body()).contains(project.group(1));
        HttpResponse<String> groupPage = awaitResponse(group.group(2), Duration.ofSeconds(60),
                response -> response.statusCode() == 200 && response.body().contains("Union Station Renovation"));
        assertThat(groupPage.statusCode()).as("the demo group's iframe: %s", groupPage.body()).isEqualTo(200);
        assertThat(groupPage.body()).contains("Harbor Point Tower", "Riverside Medical Center",
                "Union Station Renovation");

        Map<String, Long> before = directoryTotals();
        assertThat(before.get("projects")).as("demo projects").isGreaterThanOrEqualTo(5);
        assertThat(before.get("project-groups")).as("demo project groups").isGreaterThanOrEqualTo(2);
        Result again = stack.seed(Duration.ofMinutes(2));
        assertThat(again.exitCode()).as("./run seed: %s", again.output()).isZero();
        assertThat(again.output()).contains(project.group(2), group.group(2));
        assertThat(directoryTotals()).as("the directory after a second seed").isEqualTo(before);
    }

    @Test
    @Order(5)
    void aProcoreUserBrowsesAGroupInTheIframeThroughTheGatewayAndOtherParentsAreRefused() throws Exception {
        IframeEmbedding.Seeded seeded = embedding.seed(stack.url("gateway-service"),
                stack.secret("PEPTALK_LOCAL_ADMIN_KEY"));
        embedding.publishMessages("localhost:" + (LocalStack.KAFKA_PORT + stack.portOffset()), seeded.firstProject());
        try (HeadlessChromium chromium = HeadlessChromium.start(IframeEmbedding.screenshots())) {
            embedding.browseFromAnAllowedParent(chromium, stack.url("gateway-service"), seeded);
            embedding.isRefusedInAParentThatIsNotAllowed(chromium, stack.url("gateway-service"), seeded);
        }
    }

    /**
     * Issue 12, end to end: Procore's company webhook for a new observation, in Procore's payload shape and with the
     * configured Authorization → tracking → {@code procore.webhook-events} → automation's "Observation alert" →
     * SMS to the project's site manager → delivery's sandbox Twilio → its signed status callback through the
     * gateway → tracking → delivered in delivery's message log → counted on the project's iframe dashboard.
     */
    @Test
    @Order(6)
    void aProcoreObservationReachesTheSiteManagerBySmsAndTheDashboardCountsItDelivered() throws Exception {
        MessageJourneys journeys = journeys();
        MessageJourneys.DemoProject project = journeys.printedProject(upOutput);
        assertThat(upOutput).as("./run up names where Procore posts and with which Authorization")
                .contains(stack.url("gateway-service") + "/webhooks/procore   Authorization: ");
        long deliveredBefore = journeys.dashboardMetric(project, "sms.delivered.30d");
        List<String> runsBefore = journeys.observationAlertRuns(project);

        journeys.procoreCreatesAnObservation(project, stack.secret("PEPTALK_TRACKING_PROCORE_AUTHORIZATIONS_0"));

        String id = journeys.awaitObservationAlert(project, runsBefore);
        JsonNode delivered = journeys.awaitStatus(id, "DELIVERED");
        assertThat(delivered.path("attempts")).as("attempts: %s", delivered).hasSize(1);
        JsonNode attempt = delivered.path("attempts").get(0);
        assertThat(attempt.path("provider").asString()).isEqualTo("twilio");
        assertThat(attempt.path("providerMessageId").asString()).as("Twilio's message SID").matches("SM[0-9a-f]{32}");
        assertThat(attempt.path("status").asString()).isEqualTo("DELIVERED");
        assertThat(attempt.path("address").asString()).as("the site manager's phone (seed)").isEqualTo("+15005550006");
        assertThat(MessageJourneys.steps(delivered)).as("timeline: %s", delivered)
                .containsSubsequence("requested", "attempted:twilio", "accepted:twilio", "status:DELIVERED");
        journeys.awaitDashboardMetricAtLeast(project, "sms.delivered.30d", deliveredBefore + 1);
        // the demo seed's month of past send requests (infra/seed/40-message-history.sh) is expired, not sent
        assertThat(journeys.adminGet("/api/messages?status=EXPIRED&size=1").path("totalItems").asLong())
                .as("messages expired by peptalk.delivery.max-request-age").isPositive();
    }

    /**
     * Issue 12, end to end: an email to SES's bounce simulator (a contact and a manual workflow made through
     * automation's admin API) → the sandbox's SNS-signed bounce → tracking → bounced for good → delivery suppresses
     * the address and sends the SMS fallback once → delivered; the timeline shows every step in order.
     */
    @Test
    @Order(7)
    void anEmailThatBouncesIsSuppressedAndSentOnceBySmsInsteadWithEveryStepInTheTimeline() throws Exception {
        MessageJourneys journeys = journeys();
        long project = journeys.anotherDemoProject(journeys.printedProject(upOutput));

        String runs = journeys.aManualEmailToTheBounceSimulator(project);

        String id = journeys.awaitMessageOfRuns(runs);
        JsonNode delivered = journeys.awaitStatus(id, "DELIVERED");
        List<String> steps = MessageJourneys.steps(delivered);
        assertThat(steps).as("timeline: %s", delivered).containsSubsequence("requested", "attempted:ses",
                "accepted:ses", "status:BOUNCED", "fallback-started", "attempted:twilio", "accepted:twilio",
                "status:DELIVERED");
        assertThat(steps.stream().filter("fallback-started"::equals)).as("fallbacks: %s", delivered).hasSize(1);
        assertThat(delivered.path("attempts")).as("attempts: %s", delivered).hasSize(2);
        assertThat(delivered.path("attempts").get(0).path("status").asString()).isEqualTo("BOUNCED");
        assertThat(delivered.path("attempts").get(1).path("provider").asString()).isEqualTo("twilio");
        assertThat(delivered.path("attempts").get(1).path("status").asString()).isEqualTo("DELIVERED");
        JsonNode suppressed = journeys.suppressions("bounce@simulator.amazonses.com");
        assertThat(suppressed.path("items")).as("suppressions: %s", suppressed).isNotEmpty();
    }

    private MessageJourneys journeys() {
        return new MessageJourneys(stack.url("gateway-service"), stack.secret("PEPTALK_LOCAL_ADMIN_KEY"));
    }

    /** Issue 7: the web edge contract and a seeded fuzz, through the gateway, against the whole stack. */
    @Test
    @Order(8)
    void everyBadRequestThroughTheGatewayGetsAProblemOrAPageAndLeaksNoSecret() throws Exception {
        String adminKey = stack.secret("PEPTALK_LOCAL_ADMIN_KEY");
        GatewayEdge edge = new GatewayEdge(LocalStack.SERVICES.get("gateway-service") + stack.portOffset(), adminKey);

        edge.assertEveryBadRequestIsAnswered(Long.getLong("peptalk.fuzz.seed", 20261130L),
                Integer.getInteger("peptalk.fuzz.requests", 250), stack.runDir().resolve("logs"));
    }

    @Test
    @Order(9)
    void theWholeStackFitsInFourGigabytes() {
        Map<String, List<Proc>> processes = stack.processes();
        remember(processes);
        assertThat(processes.keySet()).as("processes of the stack")
                .contains("postgres", "postgres-server", "kafka").containsAll(LocalStack.SERVICES.keySet());

        StringBuilder report = new StringBuilder("resident memory (VmRSS) of the stack, children included\n");
        long totalKb = 0;
        for (Map.Entry<String, List<Proc>> entry : processes.entrySet()) {
            long kb = entry.getValue().stream().mapToLong(ProcessTable::rssKb).sum();
            totalKb += kb;
            report.append(String.format("  %-24s %5d MB  (%d processes)%n", entry.getKey(), kb / 1024,
                    entry.getValue().size()));
        }
        report.append(String.format("  %-24s %5d MB%n", "total", totalKb / 1024));
        System.out.print(report);
        stack.writeLog("rss.txt", report.toString());

        assertThat(totalKb / 1024).as("total RSS in MB of the stack%n%s", report).isLessThan(MAX_RSS_MB);
    }

    @Test
    @Order(10)
    void statusShowsEverythingRunning() {
        Result status = stack.status(Duration.ofSeconds(60));
        assertThat(status.exitCode()).as("./run status: %s", status.output()).isZero();
        assertThat(status.output()).contains("9/9 running");
    }

    @Test
    @Order(11)
    void downStopsEveryProcess() throws InterruptedException {
        remember(stack.processes());
        Result down = stack.down(DOWN_TIMEOUT);
        System.out.printf("./run down took %d s%n", down.took().toSeconds());
        assertThat(down.exitCode()).as("./run down: %s", down.output()).isZero();
        assertThat(awaitSurvivors(Duration.ofSeconds(10))).as("processes still there after ./run down").isEmpty();
    }

    @AfterAll
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void stopTheStack() throws InterruptedException {
        embedding.close();
        try {
            if (stack == null) {
                return;
            }
            if (stack.isUp()) {
                remember(stack.processes());
                stack.down(DOWN_TIMEOUT);
            }
            // never leave a process behind, whatever failed before
            List<String> survivors = awaitSurvivors(Duration.ofSeconds(10));
            if (!survivors.isEmpty()) {
                System.err.println("killing what ./run down left behind: " + survivors);
                seen.values().stream().flatMap(List::stream).filter(proc -> !ProcessTable.isGone(proc))
                        .forEach(proc -> ProcessHandle.of(proc.pid()).ifPresent(ProcessHandle::destroyForcibly));
            }
        }
        finally {
            if (stack != null) {
                stack.copyLogs();
            }
            if (stopOnExit != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(stopOnExit);
                }
                catch (IllegalStateException ignored) {
                    // the JVM is already shutting down: the hook runs
                }
            }
        }
    }

    private void remember(Map<String, List<Proc>> processes) {
        processes.forEach((name, procs) -> {
            Set<Proc> all = new LinkedHashSet<>(seen.getOrDefault(name, List.of()));
            all.addAll(procs);
            seen.put(name, new ArrayList<>(all));
        });
    }

    private List<String> awaitSurvivors(Duration timeout) {
        try {
            await().atMost(timeout).pollInterval(Duration.ofMillis(200)).until(() -> survivors().isEmpty());
        }
        catch (ConditionTimeoutException stillThere) {
            // the survivors are the answer
        }
        return survivors();
    }

    private List<String> survivors() {
        List<String> survivors = new ArrayList<>();
        seen.forEach((name, procs) -> procs.stream().filter(proc -> !ProcessTable.isGone(proc))
                .forEach(proc -> survivors.add(name + ": " + ProcessTable.describe(proc))));
        return survivors;
    }

    /** How many companies, projects, project groups and API tokens token-service holds (asked as an admin). */
    private Map<String, Long> directoryTotals() throws IOException, InterruptedException {
        Map<String, Long> totals = new LinkedHashMap<>();
        for (String kind : List.of("companies", "projects", "project-groups")) {
            HttpResponse<String> page = getAsAdmin(stack.url("gateway-service") + "/api/directory/" + kind + "?size=1");
            assertThat(page.statusCode()).as("GET %s: %s", kind, page.body()).isEqualTo(200);
            totals.put(kind, json.readTree(page.body()).path("totalItems").asLong());
        }
        HttpResponse<String> tokens = getAsAdmin(stack.url("gateway-service") + "/api/tokens?limit=1000");
        assertThat(tokens.statusCode()).as("GET tokens: %s", tokens.body()).isEqualTo(200);
        totals.put("api-tokens", (long) json.readTree(tokens.body()).size());
        return totals;
    }

    private boolean allDownstreamUp(String body) {
        try {
            JsonNode components = json.readTree(body).path("components");
            return DOWNSTREAM.stream().allMatch(service -> "UP".equals(components.path(service).path("status").asString()));
        }
        catch (RuntimeException ex) {
            return false;
        }
    }

    private HttpResponse<String> getAsAdmin(String url) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15))
                .header("Authorization", "Bearer " + stack.secret("PEPTALK_LOCAL_ADMIN_KEY")).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15)).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> awaitResponse(String url, Duration timeout, Predicate<HttpResponse<String>> done)
            throws IOException {
        AtomicReference<HttpResponse<String>> last = new AtomicReference<>();
        try {
            await().atMost(timeout).pollInterval(Duration.ofSeconds(1)).ignoreExceptionsInstanceOf(IOException.class)
                    .until(() -> {
                        HttpResponse<String> response = get(url);
                        last.set(response);
                        return done.test(response);
                    });
        }
        catch (ConditionTimeoutException notYet) {
            if (last.get() == null) {
                throw new IOException("no answer from " + url + " within " + timeout, notYet);
            }
        }
        return last.get();
    }

    private static String mediaType(HttpResponse<String> response) {
        return response.headers().firstValue("Content-Type").map(value -> value.split(";")[0].trim().toLowerCase())
                .orElse("");
    }

    /** The body without what differs from one request to the next: UUIDs, hex ids and times. */
    private static String normalized(String body) {
        return body.replaceAll("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}", "<uuid>")
                .replaceAll("\\b[0-9a-f]{16,32}\\b", "<id>")
                .replaceAll("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:?\\d{2})?", "<time>")
                .trim();
    }
}
