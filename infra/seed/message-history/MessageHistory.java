import com.peptalk.events.DomainEvent;
import com.peptalk.events.EventCatalog;
import com.peptalk.events.EventCodec;
import com.peptalk.events.EventEnvelope;
import com.peptalk.events.comms.Channel;
import com.peptalk.events.comms.DeliveryAccepted;
import com.peptalk.events.comms.DeliveryFailed;
import com.peptalk.events.comms.DeliverySuppressed;
import com.peptalk.events.comms.FallbackStarted;
import com.peptalk.events.comms.MessageStatus;
import com.peptalk.events.comms.MessageStatusReported;
import com.peptalk.events.comms.Recipient;
import com.peptalk.events.comms.RenderedContent;
import com.peptalk.events.comms.SendRequested;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * A month of the demo projects' messages, published as the services would have published them: {@code SendRequested}
 * (automation), then delivery's and tracking's events, with their past times (envelope {@code ce_time}, and the
 * provider's {@code occurredAt}). Run by {@code infra/seed/40-message-history.sh}; a single-file program on the
 * classpath of the platform's own event contracts ({@link EventCodec}: one contract, no hand-written JSON).
 * <p>
 * Every id (message ids, CloudEvents ids) and every outcome comes from the project, the day and the message's number
 * that day, so running it again the same day publishes the same events, which the consumers drop as duplicates; a
 * later run adds the days since.
 * <p>
 * Arguments: {@code <gateway url> <kafka bootstrap servers> <company name>}; the admin key in
 * {@code PEPTALK_LOCAL_ADMIN_KEY}.
 */
public final class MessageHistory {

    private static final int DAYS = 30;
    private static final URI SOURCE = URI.create("/demo-seed");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    record Project(long id, String name, ZoneId zone) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3 || System.getenv("PEPTALK_LOCAL_ADMIN_KEY") == null) {
            System.err.println("usage: PEPTALK_LOCAL_ADMIN_KEY=... java MessageHistory.java <gateway> <bootstrap> <company>");
            System.exit(2);
        }
        List<Project> projects = projects(args[0], System.getenv("PEPTALK_LOCAL_ADMIN_KEY"), args[2]);
        if (projects.isEmpty()) {
            System.err.println("no projects of company \"" + args[2] + "\": run infra/seed/10-directory.sh first");
            System.exit(1);
        }
        EventCodec codec = new EventCodec(SOURCE, Clock.systemUTC());
        Instant now = Instant.now();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, args[1], ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 20), new StringSerializer(), new ByteArraySerializer())) {
            for (Project project : projects) {
                List<Timed> events = new ArrayList<>();
                LocalDate today = LocalDate.ofInstant(now, project.zone());
                for (LocalDate day = today.minusDays(DAYS - 1); !day.isAfter(today); day = day.plusDays(1)) {
                    events.addAll(day(project, day));
                }
                List<Future<?>> sent = new ArrayList<>();
                int messages = 0;
                for (Timed timed : events) {
                    if (timed.at().isAfter(now)) {
                        continue; // later today: not happened yet
                    }
                    messages += timed.event() instanceof SendRequested ? 1 : 0;
                    sent.add(producer.send(codec.toRecord(envelope(timed), timed.event())));
                }
                producer.flush();
                for (Future<?> future : sent) {
                    future.get(30, TimeUnit.SECONDS);
                }
                System.out.printf("%s (%s): %d messages, %d events over %d days%n", project.name(), project.zone(),
                        messages, sent.size(), DAYS);
            }
        }
    }

    /** An event and when it happened. */
    record Timed(Instant at, DomainEvent event, String kind) {
    }

    /**
     * One project's day: on weekdays a morning safety briefing by email and SMS reminders through the day, on
     * weekends a few messages; a few bounces, undelivered SMS, suppressions, and email falling back to SMS.
     */
    private static List<Timed> day(Project project, LocalDate day) {
        Random random = new Random(project.id() * 1_000_003L + day.toEpochDay());
        boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
        int count = weekend ? random.nextInt(3) : 8 + (int) (project.id() % 5) + random.nextInt(9);
        List<Timed> events = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            UUID messageId = uuid("peptalk-demo:" + project.id() + ":" + day + ":" + n);
            // most messages go out around the 6:30 briefing, the rest through the working day
            LocalTime time = n < count / 2 ? LocalTime.of(6, 15).plusMinutes(random.nextInt(60))
                    : LocalTime.of(8, 0).plusMinutes(random.nextInt(9 * 60));
            Instant at = day.atTime(time).atZone(project.zone()).toInstant().plusSeconds(random.nextInt(60));
            Channel channel = random.nextInt(100) < 65 ? Channel.EMAIL : Channel.SMS;
            events.addAll(message(project, messageId, channel, at, random));
        }
        return events;
    }

    private static List<Timed> message(Project project, UUID id, Channel channel, Instant at, Random random) {
        List<Timed> events = new ArrayList<>();
        int contact = 100 + random.nextInt(40);
        Recipient recipient = new Recipient(contact, "Crew member " + contact, "crew" + contact + "@example.com",
                "+1555010" + String.format("%04d", contact));
        events.add(new Timed(at, new SendRequested(id, uuid("run:" + project.id() + ":" + at.truncatedTo(ChronoUnit.DAYS)),
                uuid("workflow:" + project.id()), recipient, channel,
                channel == Channel.EMAIL ? Channel.SMS : null, new RenderedContent("Daily safety briefing",
                "<p>Toolbox talk at 7:00 by the site office.</p>", "Toolbox talk at 7:00 by the site office.",
                "Toolbox talk 7:00, site office"), List.of(project.id()), null), "requested"));
        int roll = random.nextInt(1000);
        String provider = channel == Channel.EMAIL ? "ses" : "twilio";
        String providerId = provider + "-" + id.toString().substring(0, 18);
        Instant accepted = at.plusMillis(300 + random.nextInt(2000));
        if (roll < 8) {
            String reason = channel == Channel.EMAIL ? "address on the suppression list (bounced before)"
                    : "recipient opted out (STOP)";
            events.add(new Timed(accepted, new DeliverySuppressed(id, channel, reason), "suppressed"));
            return events;
        }
        if (channel == Channel.SMS && roll < 18) {
            events.add(new Timed(accepted, new DeliveryFailed(id, 1, channel, provider,
                    "Twilio 21211: invalid 'To' phone number", true), "failed"));
            return events;
        }
        events.add(new Timed(accepted, new DeliveryAccepted(id, 1, channel, provider, providerId), "accepted"));
        Instant reported = accepted.plusSeconds(2 + random.nextInt(channel == Channel.EMAIL ? 40 : 15));
        if (channel == Channel.EMAIL && roll < 45) {
            boolean complaint = roll < 12;
            events.add(new Timed(reported, new MessageStatusReported(id, channel, provider, providerId,
                    complaint ? MessageStatus.COMPLAINED : MessageStatus.BOUNCED, reported,
                    complaint ? "abuse" : "550 5.1.1 mailbox unavailable", recipient.email(), true,
                    complaint ? "abuse" : "General"), "status"));
            if (!complaint) {
                // the bounced briefing reaches the crew member by SMS instead
                events.add(new Timed(reported.plusMillis(500), new FallbackStarted(id, Channel.EMAIL, Channel.SMS,
                        "bounced"), "fallback"));
                Instant smsAccepted = reported.plusSeconds(2);
                events.add(new Timed(smsAccepted, new DeliveryAccepted(id, 2, Channel.SMS, "twilio", "twilio-" + id
                        .toString().substring(0, 18)), "accepted-fallback"));
                events.add(new Timed(smsAccepted.plusSeconds(6), new MessageStatusReported(id, Channel.SMS, "twilio",
                        "twilio-" + id.toString().substring(0, 18), MessageStatus.DELIVERED, smsAccepted
                        .plusSeconds(6), null), "status-fallback"));
            }
            return events;
        }
        if (channel == Channel.SMS && roll < 60) {
            boolean landline = roll < 30;
            events.add(new Timed(reported, new MessageStatusReported(id, channel, provider, providerId,
                    landline ? MessageStatus.FAILED : MessageStatus.UNDELIVERED, reported,
                    landline ? "Twilio 30006: landline or unreachable carrier" : "Twilio 30003: unreachable handset",
                    recipient.phone(), landline, landline ? "30006" : "30003"), "status"));
            return events;
        }
        events.add(new Timed(reported, new MessageStatusReported(id, channel, provider, providerId,
                MessageStatus.DELIVERED, reported, null), "status"));
        int engagement = random.nextInt(100);
        if (channel == Channel.EMAIL && engagement < 48) {
            Instant opened = reported.plus(Duration.ofMinutes(2 + random.nextInt(180)));
            events.add(new Timed(opened, new MessageStatusReported(id, channel, provider, providerId,
                    MessageStatus.OPENED, opened, null), "opened"));
            if (engagement < 14) {
                Instant clicked = opened.plus(Duration.ofMinutes(1 + random.nextInt(20)));
                events.add(new Timed(clicked, new MessageStatusReported(id, channel, provider, providerId,
                        MessageStatus.CLICKED, clicked, "https://peptalk.example/briefings/today"), "clicked"));
            }
        }
        return events;
    }

    /** The envelope as the producing service would have written it then; its id fixed by the event's identity. */
    private static EventEnvelope envelope(Timed timed) {
        DomainEvent event = timed.event();
        UUID id = uuid("ce:" + event.aggregateId() + ":" + timed.kind());
        return new EventEnvelope(id, EventCatalog.of(event.getClass()).name(), SOURCE,
                timed.at().truncatedTo(ChronoUnit.MICROS), event.aggregateId(), EventEnvelope.SPEC_VERSION);
    }

    /** A name-based (version 3) UUID: the same name, the same id, on every run. */
    private static UUID uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    /** The company's projects, through the gateway's admin API (token-service's directory). */
    private static List<Project> projects(String gateway, String adminKey, String company) throws Exception {
        JsonNode companies = get(gateway + "/api/directory/companies?size=200&q="
                + URLEncoder.encode(company, StandardCharsets.UTF_8), adminKey);
        Long companyId = null;
        for (JsonNode item : companies.get("items")) {
            if (item.get("name").asString().equals(company)) {
                companyId = item.get("id").asLong();
            }
        }
        List<Project> projects = new ArrayList<>();
        if (companyId == null) {
            return projects;
        }
        for (JsonNode item : get(gateway + "/api/directory/projects?size=200&companyId=" + companyId, adminKey)
                .get("items")) {
            projects.add(new Project(item.get("id").asLong(), item.get("name").asString(), zone(item.get("timeZone"))));
        }
        return projects;
    }

    /** The project's zone; UTC where it has none this JVM knows, as the dashboard reads it. */
    private static ZoneId zone(JsonNode timeZone) {
        try {
            return timeZone == null || timeZone.isNull() ? ZoneOffset.UTC : ZoneId.of(timeZone.asString());
        }
        catch (DateTimeException ex) {
            return ZoneOffset.UTC;
        }
    }

    private static JsonNode get(String url, String adminKey) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + adminKey).header("Accept", "application/json")
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            // the body may be a problem detail; never the key
            throw new IllegalStateException("GET " + URI.create(url).getPath() + " answered " + response.statusCode());
        }
        return JSON.readTree(response.body());
    }

    private MessageHistory() {
    }
}
