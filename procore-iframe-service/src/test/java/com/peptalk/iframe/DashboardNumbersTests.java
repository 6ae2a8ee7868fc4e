package com.peptalk.iframe;

import com.peptalk.events.EventEnvelope;
import com.peptalk.events.automation.WorkflowRunFinished;
import com.peptalk.events.automation.WorkflowUpserted;
import com.peptalk.events.comms.Channel;
import com.peptalk.events.comms.DeliveryAttempted;
import com.peptalk.events.comms.MessageStatus;
import com.peptalk.events.kiosk.KioskStatus;
import com.peptalk.events.kiosk.KioskStatusChanged;
import com.peptalk.testsupport.FakeTokenService;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.MessageListenerContainer;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import static com.peptalk.iframe.Events.accepted;
import static com.peptalk.iframe.Events.failed;
import static com.peptalk.iframe.Events.ids;
import static com.peptalk.iframe.Events.request;
import static com.peptalk.iframe.Events.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dashboard's numbers against the events published through the real broker: what it counts, that duplicates
 * and events out of order change nothing, and that replaying the topics into an empty read model gives the same.
 */
class DashboardNumbersTests extends IframeServiceTest {

    /** The read model: what a replay must rebuild exactly. */
    private static final Map<String, String> READ_MODEL = Map.of(
            "projects", "project_id", "messages", "message_id", "message_outcomes", "message_id, channel, outcome",
            "kiosks", "kiosk_id", "workflows", "workflow_id", "workflow_runs", "run_id",
            "daily_message_outcomes", "project_id, channel, day, outcome");

    private static final Map<String, String> SCENARIO_NUMBERS = Map.ofEntries(
            Map.entry("all.sent.7d", "2"), Map.entry("all.delivered.7d", "1"), Map.entry("all.failed.7d", "1"),
            Map.entry("all.opened.7d", "1"), Map.entry("all.clicked.7d", "0"),
            Map.entry("all.delivery-rate.7d", "50%"), Map.entry("all.click-rate.7d", "0%"),
            Map.entry("all.sent.30d", "3"), Map.entry("all.delivered.30d", "1"), Map.entry("all.failed.30d", "1"),
            Map.entry("all.delivery-rate.30d", "33%"),
            Map.entry("email.sent.7d", "2"), Map.entry("email.delivered.7d", "1"), Map.entry("email.failed.7d", "0"),
            Map.entry("email.opened.7d", "1"), Map.entry("email.delivery-rate.7d", "50%"),
            Map.entry("email.open-rate.7d", "100%"), Map.entry("email.click-rate.7d", "0%"),
            Map.entry("email.sent.30d", "3"),
            Map.entry("sms.sent.7d", "0"), Map.entry("sms.failed.7d", "1"), Map.entry("sms.delivery-rate.7d", "–"),
            Map.entry("kiosks.online", "1"), Map.entry("kiosks.late", "0"), Map.entry("kiosks.offline", "1"));

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    KafkaAdmin kafkaAdmin;

    private Events events;
    private AdminClient admin;

    @BeforeEach
    void setUp() {
        events = new Events(publisher);
        admin = AdminClient.create(kafkaAdmin.getConfigurationProperties());
    }

    @AfterEach
    void tearDown() {
        admin.close(Duration.ofSeconds(2));
    }

    @Test
    void theDashboardShowsWhatTheEventsSay() {
        long project = project("Harbour Bridge", "Asia/Kolkata");
        String token = FakeTokenService.projectToken(project);
        publishScenario(project);

        Document page = await().atMost(Duration.ofSeconds(30)).until(() -> html(iframe(query(token))),
                shown -> metrics(shown).entrySet().containsAll(SCENARIO_NUMBERS.entrySet())
                        && shown.select("#workflows .workflow").size() == 1 && shown.select("tr.failure").size() == 1);

        Element workflow = page.selectFirst("#workflows .workflow");
        assertThat(workflow.selectFirst("h3").text()).isEqualTo("Morning briefing");
        assertThat(workflow.select("dd").eachText()).contains("failed", "kiosk.offline", "0");
        Element failure = page.selectFirst("tr.failure");
        assertThat(failure.text()).contains("SMS", "Twilio 30006: landline or unreachable carrier");
        assertThat(failure.selectFirst("time").attr("datetime")).as("in the project's time zone").endsWith("+05:30");
        assertThat(page.select("#kiosks tbody tr")).extracting(row -> row.selectFirst("th").text())
                .as("offline first").containsExactly("kiosk-" + project + "-2", "kiosk-" + project + "-1");
        assertThat(page.selectFirst("#kiosk-kiosk-" + project + "-1 time").attr("datetime")).endsWith("+05:30");
    }

    @Test
    void duplicatesAndEventsOutOfOrderChangeNothing() {
        long project = project("Duplicates", "UTC");
        String token = FakeTokenService.projectToken(project);
        UUID m1 = UUID.randomUUID();
        UUID m2 = UUID.randomUUID();

        // a status overtakes its SendRequested: kept, counted once the message is known
        var delivered = status(m1, Channel.EMAIL, MessageStatus.DELIVERED);
        EventEnvelope deliveredEnvelope = events.publish(delivered);
        await().atMost(Duration.ofSeconds(30)).until(() -> outcomes(m1) == 1);
        assertThat(metrics(html(iframe(query(token))))).containsEntry("all.delivered.7d", "0");

        var requested = request(m1, Channel.EMAIL, project);
        EventEnvelope requestedEnvelope = events.publish(requested);
        var accepted = accepted(m1, Channel.EMAIL);
        EventEnvelope acceptedEnvelope = events.publish(accepted);
        events.publish(request(m2, Channel.SMS, project));
        events.publish(failed(m2, Channel.SMS, "Twilio 21211: invalid number", true));

        // redeliveries (same ce_id) ...
        events.publishAgain(requestedEnvelope, requested);
        events.publishAgain(acceptedEnvelope, accepted);
        events.publishAgain(deliveredEnvelope, delivered);
        // ... and re-sent events (new ce_id), more statuses of the same kind, failures reported twice
        events.publish(requested);
        events.publish(accepted);
        events.publish(status(m1, Channel.EMAIL, MessageStatus.DELIVERED));
        events.publish(status(m1, Channel.EMAIL, MessageStatus.OPENED));
        events.publish(status(m1, Channel.EMAIL, MessageStatus.OPENED));
        events.publish(failed(m2, Channel.SMS, "Twilio 21211: invalid number", true));
        events.publish(status(m2, Channel.SMS, MessageStatus.UNDELIVERED));

        // events that count nothing, behind the others on the same partitions: once they are through, all are
        awaitProcessed(events.publish(request(m1, Channel.EMAIL, project)),
                events.publish(request(m2, Channel.SMS, project)),
                events.publish(new DeliveryAttempted(m1, 2, Channel.EMAIL, "ses")),
                events.publish(new DeliveryAttempted(m2, 2, Channel.SMS, "twilio")),
                events.publish(status(m1, Channel.EMAIL, MessageStatus.DELAYED)),
                events.publish(status(m2, Channel.SMS, MessageStatus.DELAYED)));

        assertThat(metrics(html(iframe(query(token))))).containsAllEntriesOf(Map.of("all.sent.7d", "1",
                "all.delivered.7d", "1", "all.opened.7d", "1", "all.failed.7d", "1", "email.sent.7d", "1",
                "email.open-rate.7d", "100%", "sms.sent.7d", "0", "sms.failed.7d", "1"));
        assertThat(html(iframe(query(token))).select("tr.failure")).as("one failure, reported twice").hasSize(1);
    }

    @Test
    void replayingTheTopicsIntoAnEmptyReadModelGivesTheSameNumbers() throws Exception {
        long project = project("Replayed", "America/New_York");
        String token = FakeTokenService.projectToken(project);
        publishScenario(project);
        await().atMost(Duration.ofSeconds(30)).until(() -> metrics(html(iframe(query(token)))).entrySet()
                .containsAll(SCENARIO_NUMBERS.entrySet()));
        List<MessageListenerContainer> consumers = readModelConsumers();
        awaitCaughtUp(consumers);
        Map<String, List<Map<String, Object>>> before = readModel();
        Map<String, String> numbersBefore = metrics(html(iframe(query(token))));

        for (MessageListenerContainer consumer : consumers) {
            consumer.stop();
        }
        jdbc.execute("truncate " + String.join(", ", READ_MODEL.keySet()) + ", processed_events");
        assertThat(iframe(query(token)).statusCode()).as("the project is gone with the read model").isEqualTo(404);
        List<String> groups = consumers.stream().map(MessageListenerContainer::getGroupId).toList();
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> admin.deleteConsumerGroups(groups).all().get() == null);
        consumers.forEach(MessageListenerContainer::start);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(readModel()).isEqualTo(before));
        assertThat(metrics(html(iframe(query(token))))).isEqualTo(numbersBefore)
                .containsAllEntriesOf(SCENARIO_NUMBERS);
    }

    /**
     * For one project: three messages this week (one delivered and opened, one only accepted with a transient
     * failure, one SMS that failed for good), one accepted ten days ago, and one of another project; two kiosks
     * (one offline, whose older "late" arrives last) and another project's; an active workflow whose runs arrive
     * before it, a paused one, and another project's.
     */
    private void publishScenario(long project) {
        long otherProject = newProjectId();
        Instant now = Instant.now();
        UUID opened = UUID.randomUUID();
        UUID acceptedOnly = UUID.randomUUID();
        UUID failedSms = UUID.randomUUID();
        UUID lastWeek = UUID.randomUUID();
        UUID otherProjects = UUID.randomUUID();

        events.publish(request(opened, Channel.EMAIL, project));
        events.publish(accepted(opened, Channel.EMAIL));
        events.publish(status(opened, Channel.EMAIL, MessageStatus.DELIVERED));
        events.publish(status(opened, Channel.EMAIL, MessageStatus.OPENED));
        events.publish(request(acceptedOnly, Channel.EMAIL, project, otherProject));
        events.publish(accepted(acceptedOnly, Channel.EMAIL));
        events.publish(failed(acceptedOnly, Channel.EMAIL, "SES throttled", false));
        events.publish(request(failedSms, Channel.SMS, project));
        events.publish(failed(failedSms, Channel.SMS, "Twilio 30006: landline or unreachable carrier", true));
        events.publishAt(now.minus(10, ChronoUnit.DAYS), request(lastWeek, Channel.EMAIL, project));
        events.publish(accepted(lastWeek, Channel.EMAIL));
        events.publish(request(otherProjects, Channel.EMAIL, otherProject));
        events.publish(accepted(otherProjects, Channel.EMAIL));
        events.publish(status(otherProjects, Channel.EMAIL, MessageStatus.DELIVERED));

        String kiosk = "kiosk-" + project + "-";
        events.publish(new KioskStatusChanged(kiosk + "1", project, null, KioskStatus.ONLINE,
                now.minus(1, ChronoUnit.MINUTES)));
        events.publish(new KioskStatusChanged(kiosk + "2", project, KioskStatus.LATE, KioskStatus.OFFLINE,
                now.minus(3, ChronoUnit.HOURS)));
        events.publishAt(now.minus(1, ChronoUnit.HOURS), new KioskStatusChanged(kiosk + "2", project,
                KioskStatus.ONLINE, KioskStatus.LATE, now.minus(3, ChronoUnit.HOURS)));
        events.publish(new KioskStatusChanged(kiosk + "3", otherProject, null, KioskStatus.ONLINE, now));

        UUID briefing = UUID.randomUUID();
        events.publish(new WorkflowRunFinished(UUID.randomUUID(), briefing, "Morning briefing", ids(project),
                "cadence", "completed", 3, now.minus(2, ChronoUnit.HOURS), now.minus(119, ChronoUnit.MINUTES)));
        events.publish(new WorkflowRunFinished(UUID.randomUUID(), briefing, "Morning briefing", ids(project),
                "kiosk.offline", "failed", 0, now.minus(1, ChronoUnit.HOURS), now.minus(59, ChronoUnit.MINUTES)));
        events.publish(new WorkflowUpserted(briefing, 7, "Morning briefing", "active", ids(project)));
        events.publish(new WorkflowUpserted(UUID.randomUUID(), 7, "Paused reminder", "paused", ids(project)));
        events.publish(new WorkflowUpserted(UUID.randomUUID(), 7, "Elsewhere", "active", ids(otherProject)));
    }

    /** data-metric name to the number shown. */
    private static Map<String, String> metrics(Document page) {
        return page.select("[data-metric]").stream()
                .collect(Collectors.toMap(cell -> cell.attr("data-metric"), Element::text, (a, b) -> a,
                        LinkedHashMap::new));
    }

    private int outcomes(UUID messageId) {
        return jdbc.queryForObject("select count(*) from message_outcomes where message_id = ?", Integer.class,
                messageId);
    }

    private void awaitProcessed(EventEnvelope... envelopes) {
        List<UUID> ids = java.util.Arrays.stream(envelopes).map(EventEnvelope::id).toList();
        await().atMost(Duration.ofSeconds(30)).until(() -> ids.stream().allMatch(id -> jdbc.queryForObject(
                "select count(*) from processed_events where event_id = ?", Integer.class, id) == 1));
    }

    private List<MessageListenerContainer> readModelConsumers() {
        List<MessageListenerContainer> consumers = List.of("iframe-projects", "iframe-messages", "iframe-kiosks",
                "iframe-workflows").stream().map(listeners::getListenerContainer).toList();
        assertThat(consumers).doesNotContainNull();
        return consumers;
    }

    /** Every record of the consumers' topics is processed: the committed offsets are at the end. */
    private void awaitCaughtUp(List<MessageListenerContainer> consumers) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (MessageListenerContainer consumer : consumers) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin
                        .listConsumerGroupOffsets(consumer.getGroupId()).partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, Long> ends = endOffsets(List.of(consumer.getContainerProperties().getTopics()));
                ends.forEach((partition, end) -> assertThat(committed.get(partition) == null ? 0
                        : committed.get(partition).offset()).as("%s on %s", consumer.getGroupId(), partition)
                        .isEqualTo(end));
            }
        });
    }

    private Map<TopicPartition, Long> endOffsets(List<String> topics) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(topics).allTopicNames().get().forEach((topic, description) -> description.partitions()
                .forEach(partition -> latest.put(new TopicPartition(topic, partition.partition()), OffsetSpec.latest())));
        return admin.listOffsets(latest).all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
    }

    private Map<String, List<Map<String, Object>>> readModel() {
        return READ_MODEL.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                table -> jdbc.queryForList("select * from " + table.getKey() + " order by " + table.getValue())
                        .stream().map(DashboardNumbersTests::comparable).toList()));
    }

    /** Arrays compared by their elements, not by their JDBC wrappers. */
    private static Map<String, Object> comparable(Map<String, Object> row) {
        return row.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                column -> column.getValue() instanceof java.sql.Array array ? String.valueOf(array)
                        : column.getValue() == null ? "null" : column.getValue(), (a, b) -> a, LinkedHashMap::new));
    }
}
