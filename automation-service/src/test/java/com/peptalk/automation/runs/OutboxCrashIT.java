package com.peptalk.automation.runs;

import com.peptalk.automation.AutomationApi;
import com.peptalk.automation.Company;
import com.peptalk.events.EventCodec;
import com.peptalk.events.Topics;
import com.peptalk.events.comms.SendRequested;
import com.peptalk.events.directory.ProjectUpserted;
import com.peptalk.testsupport.GatewayIdentity;
import com.peptalk.testsupport.SharedKafka;
import com.peptalk.testsupport.SharedPostgres;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The transactional outbox across a real crash: automation-service runs as its own process (its packaged jar)
 * against this JVM's PostgreSQL and Kafka; a manual trigger's run commits its {@code SendRequested} rows to
 * {@code event_outbox}, the process is killed with SIGKILL before its relay publishes them, and the restarted
 * process publishes each exactly once.
 * <p>
 * The relay is held back by configuration in the first life: {@code peptalk.events.outbox.poll-interval} at its
 * longest (1 min), so after its round at start-up it does not look again before the kill. The second life runs
 * the relay as configured in production.
 */
class OutboxCrashIT {

    private static final int RECIPIENTS = 3;
    private static final String SEND_REQUESTED = "com.peptalk.comms.send-requested.v1";

    private final Path jar = Path.of(System.getProperty("peptalk.automation.jar",
            "target/automation-service-0.1.0-SNAPSHOT.jar"));
    private final String database = SharedPostgres.createDatabase("crash_automation");
    private final JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(database, SharedPostgres.username(),
            SharedPostgres.password()));
    private final int port = freePort();
    private Process service;

    @AfterEach
    void stopTheService() throws InterruptedException {
        if (service != null) {
            service.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void sendRequestedCommittedBeforeAKillIsPublishedExactlyOnceAfterTheRestart() throws Exception {
        assertThat(jar).as("the packaged jar (run after `package`)").exists();
        service = start("first", "--peptalk.events.outbox.poll-interval=1m");
        AutomationApi api = new AutomationApi(port);
        Company company = new Company(api, null);
        long project = project(company.id);
        for (int i = 0; i < RECIPIENTS; i++) {
            company.contact("Site Manager " + i, "manager" + i + "@example.com", null, List.of(project), "site_manager");
        }
        long email = company.emailTemplate("crash-note", "Note", "<p>Note</p>");
        Map<String, Object> workflow = company.workflow("Crash note", "EMAIL", email, Company.eventProject("site_manager"));
        workflow.put("trigger", Map.of("type", "manual"));
        String workflowId = company.create(workflow);

        AutomationApi.Response fired = api.post("/triggers", Map.of("triggerType", "manual", "projectId", project));
        assertThat(fired.status()).as(fired.text()).isEqualTo(201);
        List<UUID> committed = outboxMessageIds(workflowId, "published_at is null");
        assertThat(committed).as("the run is committed, its messages not yet published").hasSize(RECIPIENTS);

        service.destroyForcibly();
        assertThat(service.waitFor(30, TimeUnit.SECONDS)).as("killed").isTrue();
        assertThat(outboxMessageIds(workflowId, "published_at is not null")).as("nothing relayed before the kill")
                .isEmpty();

        try (KafkaConsumer<String, byte[]> consumer = consumerFromTheBeginning()) {
            assertThat(sendRequested(consumer, workflowId, Duration.ofSeconds(2))).as("nothing on the topic yet")
                    .isEmpty();

            service = start("second");
            List<UUID> arrived = new ArrayList<>();
            Instant deadline = Instant.now().plusSeconds(60);
            while (arrived.size() < RECIPIENTS && Instant.now().isBefore(deadline)) {
                arrived.addAll(sendRequested(consumer, workflowId, Duration.ofMillis(500)));
            }
            // a duplicate would follow the first copies within a relay round or two: read on a while longer
            arrived.addAll(sendRequested(consumer, workflowId, Duration.ofSeconds(5)));

            Map<UUID, Long> copies = arrived.stream().collect(Collectors.groupingBy(Function.identity(),
                    Collectors.counting()));
            assertThat(copies.keySet()).containsExactlyInAnyOrderElementsOf(committed);
            assertThat(copies.values()).as("copies of each message").allMatch(count -> count == 1);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(outboxMessageIds(workflowId,
                "published_at is not null")).containsExactlyInAnyOrderElementsOf(committed));
    }

    private Process start(String life, String... settings) throws Exception {
        Path log = Path.of("target", "outbox-crash-" + life + ".log");
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(),
                "--server.port=" + port,
                "--spring.datasource.url=" + database,
                "--spring.datasource.username=" + SharedPostgres.username(),
                "--spring.datasource.password=" + SharedPostgres.password(),
                "--spring.kafka.bootstrap-servers=" + SharedKafka.bootstrapServers(),
                "--peptalk.web.identity.keys[0].id=" + GatewayIdentity.KEY_ID,
                "--peptalk.web.identity.keys[0].public-key=" + GatewayIdentity.publicKey(),
                "--logging.level.root=WARN"));
        command.addAll(List.of(settings));
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        awaitReady(process, log);
        return process;
    }

    private void awaitReady(Process process, Path log) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest readiness = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/actuator/health/readiness")).timeout(Duration.ofSeconds(5)).build();
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(250)).ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> {
                    assertThat(process.isAlive()).as("the service exited; see " + log).isTrue();
                    return http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                });
    }

    /** A project of the company, published as token-service would; known to automation once this returns. */
    private long project(long companyId) throws Exception {
        long id = companyId;
        ProjectUpserted project = new ProjectUpserted(id, companyId, "Harbor Tower", "active", "America/Chicago", null,
                null);
        EventCodec codec = new EventCodec(URI.create("/outbox-crash-test"), Clock.systemUTC());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers()), new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(codec.toRecord(codec.envelopeFor(project), project)).get();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("select count(*) from projects where project_id = ?")
                .param(id).query(Long.class).single() == 1);
        return id;
    }

    private List<UUID> outboxMessageIds(String workflowId, String condition) {
        return jdbc.sql("select (payload->>'messageId')::uuid from event_outbox where event_type = ? "
                + "and payload->>'workflowId' = ? and " + condition).param(SEND_REQUESTED).param(workflowId)
                .query(UUID.class).list();
    }

    private static KafkaConsumer<String, byte[]> consumerFromTheBeginning() {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.SEND_REQUESTED).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }

    /** The message ids of this workflow's SendRequested records polled for about {@code time}. */
    private static List<UUID> sendRequested(KafkaConsumer<String, byte[]> consumer, String workflowId, Duration time) {
        List<UUID> ids = new ArrayList<>();
        Instant until = Instant.now().plus(time);
        while (Instant.now().isBefore(until)) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                SendRequested sent = EventCodec.fromJson(record.value(), SendRequested.class);
                if (sent.workflowId().toString().equals(workflowId)) {
                    ids.add(sent.messageId());
                }
            }
        }
        return ids;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
