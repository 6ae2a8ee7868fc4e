package com.peptalk.tracking;

import com.peptalk.events.EventEnvelope;
import com.peptalk.events.EventPublisher;
import com.peptalk.events.ReceivedEvent;
import com.peptalk.events.Topics;
import com.peptalk.events.comms.Channel;
import com.peptalk.events.comms.MessageStatus;
import com.peptalk.events.comms.MessageStatusReported;
import com.peptalk.testsupport.EventProbe;
import com.peptalk.testsupport.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@ServiceTest
class StatusEventsTests {

    @Autowired
    EventPublisher publisher;

    @Test
    void publishesNormalisedStatusEventsThroughTheBroker() throws Exception {
        MessageStatusReported delivered = new MessageStatusReported(UUID.randomUUID(), Channel.SMS, "twilio",
                "SM0123456789abcdef0123456789abcdef", MessageStatus.DELIVERED, Instant.parse("2026-11-22T08:30:00Z"),
                null);
        try (EventProbe probe = EventProbe.listen(Topics.STATUS_EVENTS)) {
            EventEnvelope sent = publisher.publish(delivered).get();

            ReceivedEvent received = probe.awaitEvent(e -> e.envelope().id().equals(sent.id()), Duration.ofSeconds(30));

            assertThat(received.event()).isEqualTo(delivered);
            assertThat(received.envelope().source()).hasToString("/tracking-service");
        }
    }
}
