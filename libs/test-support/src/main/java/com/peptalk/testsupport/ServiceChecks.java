package com.peptalk.testsupport;

import com.peptalk.events.DomainEvent;
import com.peptalk.events.EventCatalog;
import com.peptalk.events.EventEnvelope;
import com.peptalk.events.ReceivedEvent;
import com.peptalk.events.runtime.EventPublisher;

import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** What every service must show, checked the same way in every module. */
public final class ServiceChecks {

    /** Readiness is UP and includes the service's database ({@code db}) and Kafka; liveness is UP. */
    public static void assertReadyWithItsDatabaseAndKafka(int port) {
        HttpResponse<String> readiness = Http.get("http://localhost:" + port + "/actuator/health/readiness");

        assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"db\"", "\"kafka\"").doesNotContain("DOWN");
        assertThat(Http.get("http://localhost:" + port + "/actuator/health/liveness").statusCode()).isEqualTo(200);
    }

    /** Prometheus metrics are exposed, tagged with the application's name. */
    public static void assertExposesPrometheusMetrics(int port, String application) {
        HttpResponse<String> metrics = Http.get("http://localhost:" + port + "/actuator/prometheus");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes", "application=\"" + application + "\"");
    }

    /**
     * Publishes an event with the service's publisher and reads it back off the real broker: same event, its
     * topic, key = aggregate id, and the service as {@code ce_source}.
     */
    public static ReceivedEvent assertPublishedThroughTheBroker(EventPublisher publisher, DomainEvent event,
            String source) throws Exception {
        String topic = EventCatalog.of(event.getClass()).topic();
        try (EventProbe probe = EventProbe.listen(topic)) {
            EventEnvelope sent = publisher.publish(event).get();

            ReceivedEvent received = probe.awaitEvent(e -> e.envelope().id().equals(sent.id()),
                    Duration.ofSeconds(30));

            assertThat(received.event()).isEqualTo(event);
            assertThat(received.topic()).isEqualTo(topic);
            assertThat(received.envelope().subject()).isEqualTo(event.aggregateId());
            assertThat(received.envelope().source()).hasToString(source);
            assertThat(probe.seen()).anySatisfy(r -> assertThat(r.key()).isEqualTo(event.aggregateId()));
            return received;
        }
    }

    private ServiceChecks() {
    }
}
