package com.peptalk.delivery.sending;

import com.peptalk.events.comms.Channel;
import com.peptalk.events.comms.DeliveryFailed;
import com.peptalk.events.comms.SendRequested;
import com.peptalk.events.runtime.EventPublisher;
import com.peptalk.testsupport.Http;
import com.peptalk.testsupport.ServiceTest;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static com.peptalk.delivery.sending.ProviderStubs.sesAccepted;
import static com.peptalk.delivery.sending.ProviderStubs.sesError;
import static com.peptalk.delivery.sending.ProviderStubs.sesTo;
import static com.peptalk.delivery.sending.ProviderStubs.stub;
import static com.peptalk.delivery.sending.ProviderStubs.twilioAccepted;
import static com.peptalk.delivery.sending.ProviderStubs.twilioTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Load on the provider's Resilience4j instances: the service's own burst never opens a circuit or overflows a
 * bulkhead; a provider that keeps failing opens its circuit, and messages then fall back without calling it.
 * Asserts on counts and states only, never on timings.
 */
@ServiceTest
class ResilienceTests {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @Autowired
    EventPublisher publisher;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CircuitBreakerRegistry circuitBreakers;
    @Autowired
    BulkheadRegistry bulkheads;
    @Autowired
    RetryRegistry retries;
    @LocalServerPort
    int port;

    @AfterEach
    void closeTheCircuit() {
        circuitBreakers.circuitBreaker("ses").reset();
    }

    @Test
    void aBurstOfTheServicesOwnLoadIsAllAcceptedAndTheCircuitStaysClosed() throws Exception {
        String domain = "@burst-" + UUID.randomUUID() + ".example.com";
        stub(sesTo(domain).willReturn(sesAccepted().withFixedDelay(20)));
        int messages = 150;
        List<UUID> ids = new ArrayList<>();
        List<CompletableFuture<?>> published = new ArrayList<>();
        for (int i = 0; i < messages; i++) {
            SendRequested request = Sends.request(Channel.EMAIL, Channel.SMS, "m" + i + domain, Sends.phone());
            ids.add(request.messageId());
            published.add(publisher.publish(request));
        }
        CompletableFuture.allOf(published.toArray(CompletableFuture[]::new)).get();

        await().atMost(WAIT).until(() -> count("outcome = 'accepted'", ids) == messages);
        assertThat(count("outcome = 'failed'", ids)).isZero();
        assertThat(count("attempt = 2", ids)).isZero();
        CircuitBreaker ses = circuitBreakers.circuitBreaker("ses");
        assertThat(ses.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(ses.getMetrics().getNumberOfNotPermittedCalls()).isZero();
        assertThat(ses.getMetrics().getNumberOfFailedCalls()).isZero();
        assertThat(bulkheads.bulkhead("ses").getMetrics().getAvailableConcurrentCalls())
                .isEqualTo(bulkheads.bulkhead("ses").getBulkheadConfig().getMaxConcurrentCalls());
    }

    @Test
    void aProviderThatKeepsFailingOpensItsCircuitAndMessagesFallBackWithoutCallingIt() throws Exception {
        String domain = "@down-" + UUID.randomUUID() + ".example.com";
        stub(sesTo(domain).willReturn(sesError(503, "ServiceUnavailable", "Service is unavailable")));
        List<SendRequested> requests = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            SendRequested request = Sends.request(Channel.EMAIL, Channel.SMS, "m" + i + domain, Sends.phone());
            stub(twilioTo(request.recipient().phone()).willReturn(twilioAccepted(request.recipient().phone())));
            requests.add(request);
            publisher.publish(request).get();
            // one after the other, so the circuit sees the failures in order
            DeliveryEvents.await(request.messageId(), DeliveryFailed.class);
        }
        List<UUID> ids = requests.stream().map(SendRequested::messageId).toList();
        await().atMost(WAIT).until(() -> count("attempt = 2 and outcome = 'accepted'", ids) == requests.size());
        assertThat(circuitBreakers.circuitBreaker("ses").getState()).isEqualTo(CircuitBreaker.State.OPEN);
        DeliveryFailed last = DeliveryEvents.await(ids.getLast(), DeliveryFailed.class);
        assertThat(last.reason()).startsWith("circuit-open");
        assertThat(ProviderStubs.sesCalls("m5" + domain)).isZero();
        assertThat(Http.getAsAdmin("http://localhost:" + port + "/actuator/prometheus").body())
                .contains("resilience4j_circuitbreaker_state{").contains("resilience4j_retry_calls")
                .contains("resilience4j_ratelimiter_available_permissions").contains("resilience4j_bulkhead_available_concurrent_calls")
                .contains("delivery_messages_total{");
    }

    private long count(String condition, List<UUID> ids) {
        return jdbc.sql("select count(*) from delivery_attempts where " + condition + " and message_id = any (?)")
                .param(ids.toArray(UUID[]::new)).query(Long.class).single();
    }
}
