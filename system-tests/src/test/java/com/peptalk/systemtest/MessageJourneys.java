package com.peptalk.systemtest;

import org.awaitility.core.ConditionTimeoutException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The platform's main job on the providers' real formats, every request through the gateway, every service a
 * process of its own: Procore's webhook to an SMS delivered and counted in the iframe; an email that bounces, its
 * address suppressed and the message sent once by SMS instead. The sandbox providers of delivery-service answer as
 * SES's mailbox simulator and Twilio's test numbers do and post their callbacks (an SNS envelope signed with the
 * local test certificate, a Twilio form signed with the sandbox auth token) to the gateway, as SNS and Twilio would.
 */
final class MessageJourneys {

    /** Generous: the stack shares two cores with its builds; Twilio's sandbox sends 1 SMS a second per number. */
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final Pattern PROJECT_IFRAME = Pattern.compile("iframe, project \"([^\"]+)\":\\s+(\\S+)");

    private final String gateway;
    private final String adminKey;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    MessageJourneys(String gateway, String adminKey) {
        this.gateway = gateway;
        this.adminKey = adminKey;
    }

    /** The demo project whose iframe URL (with its project token) {@code ./run up} printed. */
    record DemoProject(long id, String name, String iframeUrl) {
    }

    DemoProject printedProject(String upOutput) throws Exception {
        Matcher printed = PROJECT_IFRAME.matcher(upOutput);
        assertThat(printed.find()).as("a project's iframe URL in the output of ./run up:%n%s", upOutput).isTrue();
        return new DemoProject(projectNamed(printed.group(1)), printed.group(1), printed.group(2));
    }

    /** Another demo project of the seed's company than {@code not}. */
    long anotherDemoProject(DemoProject not) throws Exception {
        JsonNode company = adminGet("/api/directory/companies?q=" + encode("Peptalk Demo Construction") + "&size=5")
                .path("items").get(0);
        for (JsonNode project : adminGet("/api/directory/projects?companyId=" + company.path("id").asLong()
                + "&size=200").path("items")) {
            if (project.path("id").asLong() != not.id()) {
                return project.path("id").asLong();
            }
        }
        throw new AssertionError("the demo company has a single project");
    }

    /**
     * Procore's company webhook for a new observation in the project, in Procore's own payload shape (API v2
     * deliveries: id, ulid, timestamp, metadata, user_id, company_id, project_id, api_version, event_type,
     * resource_name, resource_id), with the Authorization header configured for Procore's Webhooks page.
     *
     * @return the observation's id
     */
    long procoreCreatesAnObservation(DemoProject project, String authorization) throws Exception {
        long observation = ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000);
        long company = adminGet("/api/directory/projects/" + project.id()).path("companyId").asLong();
        String body = """
                {"id":%d,"ulid":"%s","timestamp":"%s","metadata":{"source_user_id":1001,"source_project_id":%d,\
                "source_operation_id":null,"source_company_id":%d,"source_application_id":null},"user_id":1001,\
                "company_id":%d,"project_id":%d,"api_version":"v2","event_type":"create",\
                "resource_name":"Observations","resource_id":%d}""".formatted(observation + 40_000_000, ulid(),
                java.time.Instant.now(), project.id(), company, company, project.id(), observation);
        HttpResponse<String> refused = send(HttpRequest.newBuilder(URI.create(gateway + "/webhooks/procore"))
                .header("Content-Type", "application/json").header("Authorization", "not-" + authorization)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(refused.statusCode()).as("a Procore webhook with a wrong Authorization: %s", refused.body())
                .isEqualTo(401);
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(gateway + "/webhooks/procore"))
                .header("Content-Type", "application/json").header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(answer.statusCode()).as("POST /webhooks/procore: %s", answer.body()).isBetween(200, 299);
        return observation;
    }

    /** The runs of the seed's "Observation alert" workflow so far (ids), newest first. */
    List<String> observationAlertRuns(DemoProject project) throws Exception {
        long company = adminGet("/api/directory/projects/" + project.id()).path("companyId").asLong();
        String workflow = null;
        for (JsonNode candidate : adminGet("/api/automation/workflows?companyId=" + company)) {
            if ("Observation alert".equals(candidate.path("name").asString())) {
                workflow = candidate.path("id").asString();
            }
        }
        assertThat(workflow).as("the demo workflow \"Observation alert\" (infra/seed/20-automation.sh)").isNotNull();
        List<String> runs = new ArrayList<>();
        adminGet("/api/automation/runs?workflowId=" + workflow + "&limit=100").forEach(run -> runs.add(
                run.path("id").asString() + " " + run.path("projectIds")));
        return runs;
    }

    /**
     * The SMS of the run of "Observation alert" that the webhook started (a run the workflow did not have before,
     * for the project), once delivery has logged it.
     */
    String awaitObservationAlert(DemoProject project, List<String> runsBefore) throws Exception {
        AtomicReference<String> found = new AtomicReference<>();
        awaitTrue("a new run of \"Observation alert\" for project " + project.id() + " and its SMS", () -> {
            for (String run : observationAlertRuns(project)) {
                if (!runsBefore.contains(run) && run.endsWith(" [" + project.id() + "]")) {
                    for (JsonNode message : adminGet("/api/messages?channel=SMS&workflowRunId="
                            + run.substring(0, run.indexOf(' '))).path("items")) {
                        found.set(message.path("id").asString());
                        return true;
                    }
                }
            }
            return false;
        });
        return found.get();
    }

    JsonNode timeline(String messageId) throws Exception {
        return adminGet("/api/messages/" + messageId);
    }

    /** Waits until the message's status is {@code status}; answers its timeline then. */
    JsonNode awaitStatus(String messageId, String status) throws Exception {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        awaitTrue("message " + messageId + " " + status, () -> {
            last.set(timeline(messageId));
            return status.equals(last.get().path("message").path("status").asString());
        }, () -> json.writeValueAsString(last.get()));
        return last.get();
    }

    /** A dashboard number of the project's iframe (through the gateway, with the project's token). */
    long dashboardMetric(DemoProject project, String metric) throws Exception {
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(project.iframeUrl())).GET());
        assertThat(page.statusCode()).as("the project's iframe: %s", page.body()).isEqualTo(200);
        Matcher value = Pattern.compile("data-metric=\"" + Pattern.quote(metric) + "\"[^>]*>\\s*([0-9]+)\\s*<")
                .matcher(page.body());
        assertThat(value.find()).as("%s on the project's dashboard:%n%s", metric, page.body()).isTrue();
        return Long.parseLong(value.group(1));
    }

    void awaitDashboardMetricAtLeast(DemoProject project, String metric, long atLeast) throws Exception {
        AtomicReference<Long> last = new AtomicReference<>();
        awaitTrue(metric + " >= " + atLeast + " on the dashboard", () -> {
            last.set(dashboardMetric(project, metric));
            return last.get() >= atLeast;
        }, () -> metric + " was " + last.get());
    }

    /**
     * Through automation's admin API: a contact whose email is SES's bounce simulator and whose phone is Twilio's
     * deliverable test number, a template and a manual workflow (email first, SMS as fallback) for that contact's
     * role; then the manual trigger.
     *
     * @return the run's id
     */
    String aManualEmailToTheBounceSimulator(long project) throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        long company = adminGet("/api/directory/projects/" + project).path("companyId").asLong();
        String role = "e2e_lead_" + suffix;
        adminPost("/api/automation/contacts", Map.of("companyId", company, "name", "Bounce Lead " + suffix,
                "email", "bounce@simulator.amazonses.com", "phone", "+15005550006", "roles", List.of(role),
                "projectIds", List.of(project), "preferredChannel", "EMAIL", "smsOptIn", true, "emailOptIn", true));
        JsonNode template = adminPost("/api/automation/templates", Map.of("companyId", company,
                "name", "e2e-bounce-" + suffix, "kind", "MESSAGE", "channel", "EMAIL",
                "subject", "Crane inspection {{ project.name }}",
                "bodyHtml", "<p>Hi {{ recipient.first_name }}, the crane inspection is at 7:00.</p>"));
        long templateId = template.path("templateId").asLong();
        adminPost("/api/automation/workflows", Map.of("companyId", company, "name", "E2E bounce " + suffix,
                "trigger", Map.of("type", "manual"),
                "audience", Map.of("kind", "EVENT_PROJECT", "roles", List.of(role)),
                "channel", "EMAIL", "fallbackChannel", "SMS",
                "template", Map.of("templateId", templateId, "version", 1)));
        JsonNode fired = adminPost("/api/automation/triggers", Map.of("triggerType", "manual", "projectId", project,
                "payload", Map.of("message", "crane inspection")));
        List<String> runs = new ArrayList<>();
        fired.path("runs").forEach(run -> runs.add(run.isObject() ? run.path("id").asString() : run.asString()));
        assertThat(runs).as("runs of the manual trigger: %s", fired).isNotEmpty();
        return String.join(",", runs);
    }

    /** The message of one of the runs to the bounce simulator. */
    String awaitMessageOfRuns(String runs) throws Exception {
        AtomicReference<String> found = new AtomicReference<>();
        awaitTrue("a message of runs " + runs + " to the bounce simulator", () -> {
            for (String run : runs.split(",")) {
                for (JsonNode message : adminGet("/api/messages?workflowRunId=" + run + "&recipient="
                        + encode("bounce@simulator.amazonses.com")).path("items")) {
                    found.set(message.path("id").asString());
                    return true;
                }
            }
            return false;
        });
        return found.get();
    }

    JsonNode suppressions(String address) throws Exception {
        return adminGet("/api/suppressions?channel=EMAIL&address=" + encode(address));
    }

    JsonNode adminGet(String path) throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(gateway + path))
                .header("Authorization", "Bearer " + adminKey).GET());
        assertThat(answer.statusCode()).as("GET %s: %s", path, answer.body()).isEqualTo(200);
        return json.readTree(answer.body());
    }

    JsonNode adminPost(String path, Object body) throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(gateway + path))
                .header("Authorization", "Bearer " + adminKey).header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))));
        assertThat(answer.statusCode()).as("POST %s: %s", path, answer.body()).isBetween(200, 299);
        return json.readTree(answer.body());
    }

    private long projectNamed(String name) throws Exception {
        for (JsonNode project : adminGet("/api/directory/projects?q=" + encode(name) + "&size=50").path("items")) {
            if (name.equals(project.path("name").asString())) {
                return project.path("id").asLong();
            }
        }
        throw new AssertionError("no demo project named " + name);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    interface Check {
        boolean holds() throws Exception;
    }

    interface Describe {
        String text() throws Exception;
    }

    private static void awaitTrue(String what, Check check) {
        awaitTrue(what, check, () -> "");
    }

    private static void awaitTrue(String what, Check check, Describe last) {
        try {
            await(what).atMost(WAIT).pollInterval(Duration.ofSeconds(1)).ignoreExceptionsInstanceOf(IOException.class)
                    .until(check::holds);
        }
        catch (ConditionTimeoutException notYet) {
            String seen;
            try {
                seen = last.text();
            }
            catch (Exception ex) {
                seen = ex.toString();
            }
            throw new AssertionError("not within " + WAIT + ": " + what + "; last seen: " + seen, notYet);
        }
    }

    /** The kinds of a timeline's events, with the status of status events ({@code status:DELIVERED}). */
    static List<String> steps(JsonNode timeline) {
        List<String> steps = new ArrayList<>();
        for (JsonNode event : timeline.path("events")) {
            String kind = event.path("kind").asString();
            JsonNode detail = event.path("detail");
            steps.add(switch (kind) {
                case "status" -> "status:" + detail.path("status").asString();
                case "attempted", "accepted" -> kind + ":" + detail.path("provider").asString();
                default -> kind;
            });
        }
        return steps;
    }

    private static String ulid() {
        String alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        StringBuilder ulid = new StringBuilder(26);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 26; i++) {
            ulid.append(alphabet.charAt(i == 0 ? random.nextInt(8) : random.nextInt(32)));
        }
        return ulid.toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
