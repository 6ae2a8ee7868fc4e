package com.peptalk.testsupport;

import com.peptalk.events.CloudEventHeaders;
import com.peptalk.events.EventEnvelope;
import com.peptalk.events.Topics;
import com.peptalk.events.directory.ProjectUpserted;
import com.peptalk.events.runtime.EventPublisher;
import com.peptalk.testsupport.app.InfrastructureTestApplication;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The shared event machinery against the real broker and database: publish, consume once per {@code ce_id},
 * retry then dead-letter a failing record without blocking the partition, dead-letter undecodable records.
 */
@SpringBootTest(classes = InfrastructureTestApplication.class)
@EmbeddedInfrastructure
class EventInfrastructureTests {

    @Autowired
    EventPublisher publisher;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anEventIsHandledOnceEvenWhenItIsDeliveredTwice() throws Exception {
        long projectId = ThreadLocalRandom.current().nextLong(1_000_000, 2_000_000);
        ProjectUpserted project = project(projectId, "Riverside Tower");

        EventEnvelope envelope = publisher.publish(project).get();
        publisher.publish(envelope, project).get();
        publisher.publish(project(projectId + 1, "after the duplicate")).get();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(receivedCount(projectId + 1)).isOne());
        assertThat(receivedCount(projectId)).isOne();
    }

    @Test
    void aRecordThatKeepsFailingGoesToTheDeadLetterTopicAndTheNextOneIsStillHandled() throws Exception {
        long projectId = ThreadLocalRandom.current().nextLong(2_000_000, 3_000_000);
        try (EventProbe deadLetters = EventProbe.listen(Topics.deadLetterOf(Topics.DIRECTORY))) {
            EventEnvelope poison = publisher.publish(project(projectId, "poison pill")).get();
            publisher.publish(project(projectId + 1, "healthy")).get();

            ConsumerRecord<String, byte[]> dead = deadLetters.awaitRecord(
                    r -> header(r, CloudEventHeaders.ID).equals(poison.id().toString()), Duration.ofSeconds(30));

            assertThat(header(dead, "kafka_dlt-exception-message")).contains("cannot handle poison pill");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(receivedCount(projectId + 1)).isOne());
            assertThat(receivedCount(projectId)).as("the failed handler's writes were rolled back").isZero();
        }
    }

    @Test
    void anUndecodableRecordIsDeadLetteredAtOnce() {
        try (EventProbe deadLetters = EventProbe.listen(Topics.deadLetterOf(Topics.DIRECTORY))) {
            ProducerRecord<String, byte[]> broken = new ProducerRecord<>(Topics.DIRECTORY, "project:1",
                    "{not json".getBytes(StandardCharsets.UTF_8));
            broken.headers().add("marker", "undecodable-test".getBytes(StandardCharsets.UTF_8));
            EventProbe.sendRaw(broken);

            ConsumerRecord<String, byte[]> dead = deadLetters.awaitRecord(
                    r -> "undecodable-test".equals(header(r, "marker")), Duration.ofSeconds(30));

            assertThat(header(dead, "kafka_dlt-exception-message")).contains("missing CloudEvents header ce_id");
        }
    }

    @Autowired
    HealthEndpoint health;

    @Test
    void healthIncludesKafkaAndTheDatabase() {
        assertThat(health.healthForPath("kafka").getStatus().getCode()).isEqualTo("UP");
        assertThat(health.healthForPath("db").getStatus().getCode()).isEqualTo("UP");
    }

    private int receivedCount(long projectId) {
        return jdbc.queryForObject("select count(*) from received_projects where project_id = ?", Integer.class,
                projectId);
    }

    private static ProjectUpserted project(long id, String name) {
        return new ProjectUpserted(id, 7, name, "active", "America/Chicago", LocalDate.of(2026, 1, 1), null);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
