package com.peptalk.delivery.sending;

import com.peptalk.events.comms.Channel;
import com.peptalk.events.comms.DeliveryAccepted;
import com.peptalk.events.comms.FallbackStarted;
import com.peptalk.events.comms.MessageStatus;
import com.peptalk.events.comms.MessageStatusReported;
import com.peptalk.events.comms.SendRequested;
import com.peptalk.events.runtime.EventPublisher;
import com.peptalk.testsupport.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.peptalk.delivery.sending.ProviderStubs.sesAccepted;
import static com.peptalk.delivery.sending.ProviderStubs.sesTo;
import static com.peptalk.delivery.sending.ProviderStubs.stub;
import static com.peptalk.delivery.sending.ProviderStubs.twilioAccepted;
import static com.peptalk.delivery.sending.ProviderStubs.twilioCalls;
import static com.peptalk.delivery.sending.ProviderStubs.twilioTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A message falls back once, whatever triggers it and however many triggers arrive at once. */
@ServiceTest
class FallbackTests {

    private static final Duration WAIT = DeliveryEvents.WAIT;

    @Autowired
    EventPublisher publisher;
    @Autowired
    Dispatcher dispatcher;
    @Autowired
    JdbcClient jdbc;

    @Test
    void manySimultaneousTriggersStartOneFallbackAndSendItOnce() throws Exception {
        SendRequested request = accepted(Sends.request(Channel.EMAIL, Channel.SMS, Sends.email(), Sends.phone()));
        stub(twilioTo(request.recipient().phone()).willReturn(twilioAccepted(request.recipient().phone())));
        int triggers = 16;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(triggers)) {
            for (int i = 0; i < triggers; i++) {
                String reason = "trigger " + i;
                done.add(pool.submit(() -> {
                    start.await();
                    dispatcher.fallBack(request.messageId(), reason);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get();
            }
        }
        assertThat(twilioCalls(request.recipient().phone())).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from delivery_attempts where message_id = ? and attempt = 2")
                .param(request.messageId()).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from event_outbox where aggregate_id = ? and event_type like '%fallback-started%'")
                .param(request.messageId().toString()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aBouncedPrimaryFallsBackAndStatusOnlyMovesForward() throws Exception {
        SendRequested request = accepted(Sends.request(Channel.EMAIL, Channel.SMS, Sends.email(), Sends.phone()));
        stub(twilioTo(request.recipient().phone()).willReturn(twilioAccepted(request.recipient().phone())));
        UUID id = request.messageId();
        Instant now = Instant.now();

        publisher.publish(report(id, Channel.EMAIL, MessageStatus.DELIVERED, now)).get();
        publisher.publish(report(id, Channel.EMAIL, MessageStatus.SENT, now.minusSeconds(1))).get();
        await().atMost(WAIT).until(() -> timelineStatuses(id) == 2);
        assertThat(attemptStatus(id, 1)).isEqualTo("DELIVERED");

        publisher.publish(report(id, Channel.EMAIL, MessageStatus.BOUNCED, now.plusSeconds(1))).get();

        FallbackStarted fallback = DeliveryEvents.await(id, FallbackStarted.class);
        assertThat(fallback.reason()).contains("bounced");
        await().atMost(WAIT).until(() -> "ACCEPTED".equals(attemptStatus(id, 2)));
        assertThat(attemptStatus(id, 1)).isEqualTo("BOUNCED");
        assertThat(timelineStatuses(id)).isEqualTo(3);
    }

    @Test
    void aPrimaryNotDeliveredInTimeFallsBack() throws Exception {
        SendRequested request = accepted(Sends.request(Channel.EMAIL, Channel.SMS, Sends.email(), Sends.phone()));
        stub(twilioTo(request.recipient().phone()).willReturn(twilioAccepted(request.recipient().phone())));

        // as if SES had accepted it an hour ago and said nothing since (the default limit is 30 minutes)
        jdbc.sql("update delivery_attempts set attempted_at = now() - interval '1 hour' where message_id = ?")
                .param(request.messageId()).update();

        assertThat(DeliveryEvents.await(request.messageId(), FallbackStarted.class).reason()).startsWith("not delivered within");
    }

    @Test
    void aDeliveredPrimaryNeverFallsBack() throws Exception {
        SendRequested request = accepted(Sends.request(Channel.EMAIL, Channel.SMS, Sends.email(), Sends.phone()));
        publisher.publish(report(request.messageId(), Channel.EMAIL, MessageStatus.DELIVERED, Instant.now())).get();
        await().atMost(WAIT).until(() -> "DELIVERED".equals(attemptStatus(request.messageId(), 1)));
        jdbc.sql("update delivery_attempts set attempted_at = now() - interval '1 hour' where message_id = ?")
                .param(request.messageId()).update();
        // a later message's fallback proves the sweep ran after this one was overdue
        SendRequested later = accepted(Sends.request(Channel.EMAIL, Channel.SMS, Sends.email(), Sends.phone()));
        stub(twilioTo(later.recipient().phone()).willReturn(twilioAccepted(later.recipient().phone())));
        jdbc.sql("update delivery_attempts set attempted_at = now() - interval '1 hour' where message_id = ?")
                .param(later.messageId()).update();
        DeliveryEvents.await(later.messageId(), FallbackStarted.class);

        assertThat(jdbc.sql("select fallback_started_at is null from messages where id = ?")
                .param(request.messageId()).query(Boolean.class).single()).isTrue();
    }

    private SendRequested accepted(SendRequested request) throws Exception {
        stub(sesTo(request.recipient().email()).willReturn(sesAccepted()));
        publisher.publish(request).get();
        DeliveryEvents.await(request.messageId(), DeliveryAccepted.class);
        return request;
    }

    private static MessageStatusReported report(UUID id, Channel channel, MessageStatus status, Instant at) {
        boolean permanent = status == MessageStatus.BOUNCED;
        return new MessageStatusReported(id, channel, "ses", "0100019a-test", status, at, null, null, permanent,
                permanent ? "General" : null);
    }

    private String attemptStatus(UUID id, int attempt) {
        return jdbc.sql("select status from delivery_attempts where message_id = ? and attempt = ?").params(id, attempt)
                .query(String.class).optional().orElse(null);
    }

    private long timelineStatuses(UUID id) {
        return jdbc.sql("select count(*) from message_events where message_id = ? and kind = 'status'").param(id)
                .query(Long.class).single();
    }

}
