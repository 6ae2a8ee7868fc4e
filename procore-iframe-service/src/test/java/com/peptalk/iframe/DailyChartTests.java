package com.peptalk.iframe;

import com.peptalk.events.EventEnvelope;
import com.peptalk.events.comms.Channel;
import com.peptalk.events.comms.DeliverySuppressed;
import com.peptalk.events.comms.MessageStatus;
import com.peptalk.events.comms.RecipientOptedIn;
import com.peptalk.events.comms.RecipientOptedOut;
import com.peptalk.events.directory.ProjectUpserted;
import com.peptalk.testsupport.FakeTokenService;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static com.peptalk.iframe.Events.accepted;
import static com.peptalk.iframe.Events.failed;
import static com.peptalk.iframe.Events.request;
import static com.peptalk.iframe.Events.statusAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The dashboard's 30-day chart: the daily rollup behind it (per project, channel, day and outcome, built from
 * {@code comms.*} events through the real broker) and the SVG the page draws from it.
 */
class DailyChartTests extends IframeServiceTest {

    private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

    private Events events;

    @BeforeEach
    void setUp() {
        events = new Events(publisher);
    }

    @Test
    void anOutcomeCountsOnTheProjectsDayItHappened() {
        long project = project("Late night", LOS_ANGELES.getId());
        LocalDate day = LocalDate.now(LOS_ANGELES).minusDays(3);
        // 23:30 in Los Angeles is already the next day in UTC
        Instant lateEvening = day.atTime(23, 30).atZone(LOS_ANGELES).toInstant();
        UUID message = UUID.randomUUID();

        events.publish(request(message, Channel.EMAIL, project));
        events.publish(statusAt(message, Channel.EMAIL, MessageStatus.DELIVERED, lateEvening));

        awaitRollup(project, Map.of(key(Channel.EMAIL, day, "delivered"), 1));
    }

    @Test
    void duplicatesAndRedeliveriesCountOnce() {
        long project = project("Counted once", "UTC");
        LocalDate day = LocalDate.now(ZoneId.of("UTC")).minusDays(1);
        UUID message = UUID.randomUUID();
        var requested = request(message, Channel.SMS, project);
        var delivered = statusAt(message, Channel.SMS, MessageStatus.DELIVERED, day.atTime(10, 0).toInstant(
                ZoneOffset.UTC));

        EventEnvelope requestedEnvelope = events.publish(requested);
        EventEnvelope deliveredEnvelope = events.publish(delivered);
        events.publishAgain(requestedEnvelope, requested);
        events.publishAgain(deliveredEnvelope, delivered);
        events.publish(requested);
        events.publish(delivered);
        // behind the others on the message's partitions: once it is counted, all of them were processed
        UUID marker = UUID.randomUUID();
        events.publish(request(marker, Channel.SMS, project));
        events.publish(statusAt(marker, Channel.SMS, MessageStatus.FAILED, day.atTime(11, 0).toInstant(
                ZoneOffset.UTC)));

        awaitRollup(project, Map.of(key(Channel.SMS, day, "delivered"), 1, key(Channel.SMS, day, "failed"), 1));
    }

    @Test
    void anOutcomeBeforeItsRequestIsCountedOnceTheRequestArrivesAndAnEarlierReportMovesIt() {
        long project = project("Out of order", "UTC");
        LocalDate today = LocalDate.now(ZoneId.of("UTC"));
        UUID message = UUID.randomUUID();

        events.publish(statusAt(message, Channel.EMAIL, MessageStatus.DELIVERED, noon(today.minusDays(1))));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from message_outcomes where message_id = ?", Integer.class, message) == 1);
        assertThat(rollup(project)).as("the message's projects are not known yet").isEmpty();

        events.publish(request(message, Channel.EMAIL, project));
        awaitRollup(project, Map.of(key(Channel.EMAIL, today.minusDays(1), "delivered"), 1));

        // the same delivery reported late with the provider's earlier time: the earliest wins, the count moves
        events.publish(statusAt(message, Channel.EMAIL, MessageStatus.DELIVERED, noon(today.minusDays(4))));
        awaitRollup(project, Map.of(key(Channel.EMAIL, today.minusDays(4), "delivered"), 1));
    }

    @Test
    void messagesHeardOfBeforeTheirProjectMoveToItsDaysWhenItArrives() {
        long project = newProjectId();
        LocalDate day = LocalDate.now(LOS_ANGELES).minusDays(2);
        Instant lateEvening = day.atTime(22, 0).atZone(LOS_ANGELES).toInstant();
        UUID message = UUID.randomUUID();

        events.publish(request(message, Channel.EMAIL, project));
        events.publish(statusAt(message, Channel.EMAIL, MessageStatus.BOUNCED, lateEvening));
        awaitRollup(project, Map.of(key(Channel.EMAIL, day.plusDays(1), "failed"), 1));

        publisher.publish(new ProjectUpserted(project, 7, "Arrives late", "active", LOS_ANGELES.getId(), null, null))
                .join();
        awaitRollup(project, Map.of(key(Channel.EMAIL, day, "failed"), 1));

        publisher.publish(new ProjectUpserted(project, 7, "Arrives late", "active", "Asia/Tokyo", null, null)).join();
        awaitRollup(project, Map.of(key(Channel.EMAIL, LocalDate.ofInstant(lateEvening, ZoneId.of("Asia/Tokyo")),
                "failed"), 1));
    }

    @Test
    void suppressionsCountAndOptOutsPassThroughWithoutADeadLetter() {
        long project = project("Suppressed", "UTC");
        UUID message = UUID.randomUUID();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);

        EventEnvelope optedOut = events.publish(new RecipientOptedOut(Channel.SMS, "+15005550006", "twilio-inbound",
                "STOP", at));
        EventEnvelope optedIn = events.publish(new RecipientOptedIn(Channel.SMS, "+15005550006", "twilio-inbound",
                "START", at));
        events.publish(request(message, Channel.SMS, project));
        events.publishAt(at, new DeliverySuppressed(message, Channel.SMS, "opted out (STOP)"));

        awaitRollup(project, Map.of(key(Channel.SMS, LocalDate.ofInstant(at, ZoneId.of("UTC")), "suppressed"), 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from processed_events where consumer = 'iframe-messages' and event_id in (?, ?)",
                Integer.class, optedOut.id(), optedIn.id()) == 2);
    }

    @Test
    void theChartsBarsMatchTheCountsAndAChannelWithoutMessagesSaysSo() {
        long project = project("Chart", "America/New_York");
        ZoneId zone = ZoneId.of("America/New_York");
        LocalDate busy = LocalDate.now(zone).minusDays(2);
        LocalDate quiet = LocalDate.now(zone).minusDays(10);
        for (int i = 0; i < 3; i++) {
            delivered(project, noon(busy, zone));
        }
        delivered(project, noon(quiet, zone));
        UUID bounced = UUID.randomUUID();
        events.publish(request(bounced, Channel.EMAIL, project));
        events.publish(accepted(bounced, Channel.EMAIL));
        events.publish(statusAt(bounced, Channel.EMAIL, MessageStatus.BOUNCED, noon(busy, zone)));
        UUID suppressed = UUID.randomUUID();
        events.publish(request(suppressed, Channel.EMAIL, project));
        events.publishAt(noon(busy, zone), new DeliverySuppressed(suppressed, Channel.EMAIL, "hard bounce"));
        UUID rejected = UUID.randomUUID();
        events.publish(request(rejected, Channel.EMAIL, project));
        events.publishAt(noon(busy, zone), failed(rejected, Channel.EMAIL, "MessageRejected", true));
        String token = FakeTokenService.projectToken(project);
        awaitRollup(project, Map.of(key(Channel.EMAIL, busy, "delivered"), 3, key(Channel.EMAIL, busy, "failed"), 2,
                key(Channel.EMAIL, busy, "suppressed"), 1, key(Channel.EMAIL, quiet, "delivered"), 1,
                key(Channel.EMAIL, LocalDate.now(zone), "sent"), 1));

        Document page = html(iframe(query(token)));

        Element email = page.selectFirst("#daily-email svg");
        assertThat(email.attr("role")).isEqualTo("img");
        assertThat(page.selectFirst("#daily-email-title").text()).contains("Email");
        assertThat(page.selectFirst("#daily-email-desc").text()).contains("4 delivered", "2 failed", "1 suppressed");
        Map<String, Element> bars = email.select("rect.bar").stream().collect(Collectors.toMap(
                bar -> bar.attr("data-day") + " " + bar.attr("data-outcome"), bar -> bar));
        assertThat(bars.keySet()).containsExactlyInAnyOrder(busy + " delivered", busy + " failed",
                busy + " suppressed", quiet + " delivered");
        assertThat(bars.get(busy + " delivered").attr("data-count")).isEqualTo("3");
        assertThat(bars.get(busy + " failed").attr("data-count")).isEqualTo("2");
        assertThat(bars.get(busy + " suppressed").attr("data-count")).isEqualTo("1");
        assertThat(bars.get(quiet + " delivered").attr("data-count")).isEqualTo("1");
        double unit = height(bars.get(quiet + " delivered"));
        assertThat(height(bars.get(busy + " delivered"))).isCloseTo(3 * unit, within(0.02));
        assertThat(height(bars.get(busy + " failed"))).isCloseTo(2 * unit, within(0.02));
        assertThat(height(bars.get(busy + " suppressed"))).isCloseTo(unit, within(0.02));
        assertThat(y(bars.get(busy + " failed")) + height(bars.get(busy + " failed")))
                .as("failed sits on delivered").isCloseTo(y(bars.get(busy + " delivered")), within(0.02));
        assertThat(bars.get(busy + " delivered").selectFirst("title").text()).endsWith("3 delivered");

        Element row = page.selectFirst("#daily-email-table tr[data-day=" + busy + "]");
        assertThat(row.select("td").eachText()).containsExactly("0", "3", "2", "1", "0", "0");
        assertThat(page.select("#daily-email-table tbody tr")).hasSize(30);
        assertThat(page.select("#daily-sms svg")).isEmpty();
        assertThat(page.selectFirst("#daily-sms-empty").text()).isEqualTo("No SMS messages in the last 30 days.");
    }

    private void delivered(long project, Instant at) {
        UUID message = UUID.randomUUID();
        events.publish(request(message, Channel.EMAIL, project));
        events.publish(statusAt(message, Channel.EMAIL, MessageStatus.DELIVERED, at));
    }

    private static Instant noon(LocalDate day) {
        return noon(day, ZoneId.of("UTC"));
    }

    private static Instant noon(LocalDate day, ZoneId zone) {
        return day.atTime(LocalTime.NOON).atZone(zone).toInstant();
    }

    private static double height(Element bar) {
        return Double.parseDouble(bar.attr("height"));
    }

    private static double y(Element bar) {
        return Double.parseDouble(bar.attr("y"));
    }

    private static String key(Channel channel, LocalDate day, String outcome) {
        return channel + " " + day + " " + outcome;
    }

    /** The project's rollup rows, channel, day and outcome to messages. */
    private Map<String, Integer> rollup(long project) {
        return jdbc.queryForList("select channel, day, outcome, messages from daily_message_outcomes "
                + "where project_id = ?", project).stream().collect(Collectors.toMap(
                        row -> row.get("channel") + " " + row.get("day") + " " + row.get("outcome"),
                        row -> ((Number) row.get("messages")).intValue()));
    }

    private void awaitRollup(long project, Map<String, Integer> expected) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(rollup(project)).isEqualTo(expected));
    }
}
