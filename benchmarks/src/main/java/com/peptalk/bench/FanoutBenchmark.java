package com.peptalk.bench;

import com.peptalk.events.EventCodec;
import com.peptalk.events.Topics;
import com.peptalk.events.directory.ProjectGroupUpserted;
import com.peptalk.events.directory.ProjectUpserted;
import com.peptalk.testsupport.GatewayIdentity;
import com.peptalk.testsupport.SharedKafka;
import com.peptalk.testsupport.SharedPostgres;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.net.URI;
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
import java.util.Map;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./run bench fanout}: one trigger for a project group whose projects have 10,000 site managers, through
 * automation-service (its own process, real PostgreSQL and Kafka): how many {@code SendRequested} records per second
 * reach the topic, from the trigger's request to the last record read, against a raw Kafka producer sending the same
 * records (same keys, headers and bodies, {@code acks=all}, idempotent) in the same run (the baseline).
 */
final class FanoutBenchmark {

    private static final int PROJECTS = 10;
    private static final int RECIPIENTS = 10_000;
    private static final long COMPANY = 900_001;
    private static final String RAW_TOPIC = "bench.fanout-raw-" + System.currentTimeMillis();

    private final Path repository;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    FanoutBenchmark(Path repository) {
        this.repository = repository;
    }

    void run() throws Exception {
        Path jar = repository.resolve("automation-service/target/automation-service-0.1.0-SNAPSHOT.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run ./mvnw -B package -DskipTests first");
        }
        String database = SharedPostgres.createDatabase("bench_automation");
        int port = IntrospectionBenchmark.freePort();
        Path log = Files.createTempFile("automation-service-bench", ".log");
        Process service = start(jar, database, port, log);
        try {
            String base = "http://localhost:" + port;
            IntrospectionBenchmark.awaitReady(base, service, log);
            List<Long> projects = directory();
            importContacts(base, projects);
            String workflowId = workflow(base);
            try (KafkaConsumer<String, byte[]> consumer = consumerAtEnd()) {
                Instant began = Instant.now();
                String answer = post(base + "/api/automation/triggers", "application/json",
                        "{\"triggerType\":\"manual\",\"projectId\":" + projects.getFirst() + ",\"payload\":{}}");
                Instant committed = Instant.now();
                if (!answer.contains("\"messages\":" + RECIPIENTS)) {
                    throw new IllegalStateException("the run did not request " + RECIPIENTS + " messages");
                }
                List<ConsumerRecord<String, byte[]>> records = read(consumer, workflowId);
                Instant published = Instant.now();
                Duration raw = rawProducer(records);
                report(Duration.between(began, committed), Duration.between(committed, published),
                        Duration.between(began, published), raw);
            }
        }
        finally {
            service.destroy();
            service.waitFor();
        }
    }

    private Process start(Path jar, String database, int port, Path log) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = List.of(java, "-Xmx512m", "-jar", jar.toString(), "--server.port=" + port,
                "--spring.datasource.url=" + database,
                "--spring.datasource.username=" + SharedPostgres.username(),
                "--spring.datasource.password=" + SharedPostgres.password(),
                "--spring.kafka.bootstrap-servers=" + SharedKafka.bootstrapServers(),
                "--peptalk.web.identity.keys[0].id=" + GatewayIdentity.KEY_ID,
                "--peptalk.web.identity.keys[0].public-key=" + GatewayIdentity.publicKey(),
                // the outbox relay's production settings, bar a larger batch the fan-out can fill
                "--peptalk.events.outbox.batch-size=500",
                "--logging.level.root=WARN");
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Publishes the projects and the group as token-service would; answers the project ids. */
    private List<Long> directory() throws Exception {
        EventCodec codec = new EventCodec(URI.create("/bench"), Clock.systemUTC());
        List<Long> ids = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (int i = 0; i < PROJECTS; i++) {
                long id = COMPANY * 100 + i;
                ids.add(id);
                producer.send(codec.toRecord(codec.envelopeFor(new ProjectUpserted(id, COMPANY, "Bench site " + i,
                        "active", "America/Chicago", null, null)), new ProjectUpserted(id, COMPANY, "Bench site " + i,
                        "active", "America/Chicago", null, null))).get();
            }
            ProjectGroupUpserted group = new ProjectGroupUpserted(COMPANY, COMPANY, "All bench sites", ids);
            producer.send(codec.toRecord(codec.envelopeFor(group), group)).get();
        }
        return ids;
    }

    /** Imports the recipients; rows refused while automation has not yet heard of their project are sent again. */
    private void importContacts(String base, List<Long> projects) throws Exception {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < RECIPIENTS; i++) {
            rows.add("Manager " + i + ",success+m" + i + "@simulator.amazonses.com,,site_manager," + projects.get(i % PROJECTS));
        }
        Instant deadline = Instant.now().plusSeconds(120);
        while (!rows.isEmpty()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(rows.size() + " contacts not imported: their projects never arrived");
            }
            String report = post(base + "/api/automation/contacts/import?companyId=" + COMPANY, "text/csv",
                    "name,email,phone,roles,project_ids\n" + String.join("\n", rows) + "\n");
            List<String> again = new ArrayList<>();
            Matcher rejected = Pattern.compile("\"line\":(\\d+)").matcher(report);
            while (rejected.find()) {
                again.add(rows.get(Integer.parseInt(rejected.group(1)) - 2));
            }
            rows = again;
            if (!rows.isEmpty()) {
                Thread.sleep(1000);
            }
        }
    }

    private String workflow(String base) throws Exception {
        String template = post(base + "/api/automation/templates", "application/json", "{\"companyId\":" + COMPANY
                + ",\"name\":\"bench-note\",\"kind\":\"MESSAGE\",\"channel\":\"EMAIL\",\"subject\":\"Note for "
                + "{{ project.name }}\",\"bodyHtml\":\"<p>Hi {{ recipient.first_name }}, a note about {{ project.name }}.</p>\"}");
        String templateId = IntrospectionBenchmark.field(template, "templateId");
        String workflow = postOnceKnown(base + "/api/automation/workflows", "{\"companyId\":" + COMPANY
                + ",\"name\":\"Bench fan-out\",\"trigger\":{\"type\":\"manual\"},\"audience\":{\"kind\":\"PROJECT_GROUP\","
                + "\"projectGroupId\":" + COMPANY + ",\"roles\":[\"site_manager\"]},\"channel\":\"EMAIL\","
                + "\"template\":{\"templateId\":" + templateId + ",\"version\":1}}");
        return IntrospectionBenchmark.field(workflow, "id");
    }

    private KafkaConsumer<String, byte[]> consumerAtEnd() {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.SEND_REQUESTED).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        return consumer;
    }

    private static List<ConsumerRecord<String, byte[]>> read(KafkaConsumer<String, byte[]> consumer, String workflowId) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        Instant deadline = Instant.now().plusSeconds(300);
        while (records.size() < RECIPIENTS) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("only " + records.size() + " SendRequested records in 300 s");
            }
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                if (new String(record.value(), StandardCharsets.UTF_8).contains(workflowId)) {
                    records.add(record);
                }
            }
        }
        return records;
    }

    /** The baseline: the same records sent by a plain producer to a topic of their own, until all are acknowledged. */
    private static Duration rawProducer(List<ConsumerRecord<String, byte[]>> records) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers()))) {
            int partitions = admin.describeTopics(List.of(Topics.SEND_REQUESTED)).allTopicNames().get()
                    .get(Topics.SEND_REQUESTED).partitions().size();
            // created up front, as comms.send-requested is: an idempotent producer must not race topic auto-creation
            admin.createTopics(List.of(new NewTopic(RAW_TOPIC, partitions, (short) 1))).all().get();
        }
        Instant began = Instant.now();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            List<Future<?>> sends = new ArrayList<>(records.size());
            for (ConsumerRecord<String, byte[]> record : records) {
                sends.add(producer.send(new ProducerRecord<>(RAW_TOPIC, null, record.key(), record.value(),
                        record.headers())));
            }
            for (Future<?> send : sends) {
                send.get();
            }
        }
        return Duration.between(began, Instant.now());
    }

    private static KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** POSTs JSON, again while the answer is 422 (the project group has not reached automation yet). */
    private String postOnceKnown(String url, String body) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            try {
                return post(url, "application/json", body);
            }
            catch (IllegalStateException unknownYet) {
                if (!unknownYet.getMessage().contains(" 422") || Instant.now().isAfter(deadline)) {
                    throw unknownYet;
                }
                Thread.sleep(1000);
            }
        }
    }

    private String post(String url, String contentType, String body) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5))
                .header("Authorization", GatewayIdentity.authorization()).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() >= 300) {
            throw new IllegalStateException("POST " + url + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return answer.body();
    }

    private void report(Duration run, Duration relay, Duration total, Duration raw) throws IOException {
        double automation = RECIPIENTS / seconds(total);
        double baseline = RECIPIENTS / seconds(raw);
        String table = String.join("\n",
                "| " + RECIPIENTS + " SendRequested, " + PROJECTS + " projects of one group | seconds | records/s | vs raw producer |",
                "|---|---|---|---|",
                row("raw Kafka producer, same records (baseline)", raw, baseline, baseline),
                row("automation: trigger → run committed (rendered, outbox rows written)", run, RECIPIENTS / seconds(run), baseline),
                row("automation: committed → last record on the topic (outbox relay)", relay, RECIPIENTS / seconds(relay), baseline),
                row("automation: trigger → last record on the topic", total, automation, baseline), "");
        System.out.println(table);
        Path results = repository.resolve("benchmarks/target/fanout-results.md");
        Files.createDirectories(results.getParent());
        Files.writeString(results, "# Fan-out benchmark\n\n" + table);
    }

    private static String row(String name, Duration took, double perSecond, double baseline) {
        return "| " + name + " | " + String.format("%.2f", seconds(took)) + " | " + String.format("%.0f", perSecond)
                + " | " + String.format("%.2f", perSecond / baseline) + " |";
    }

    private static double seconds(Duration duration) {
        return Math.max(duration.toNanos(), 1) / 1e9;
    }
}
