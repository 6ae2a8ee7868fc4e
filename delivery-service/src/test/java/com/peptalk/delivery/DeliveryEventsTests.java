package com.peptalk.delivery;

import com.peptalk.events.EventEnvelope;
import com.peptalk.events.EventPublisher;
import com.peptalk.events.ReceivedEvent;
import com.peptalk.events.Topics;
import com.peptalk.events.comms.Channel;
import com.peptalk.events.comms.DeliveryAccepted;
import com.peptalk.testsupport.EventProbe;
import com.peptalk.testsupport.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@ServiceTest
class DeliveryEventsTests {

    @Autowired
    EventPublisher publisher;

    @Test
    void publishesDeliveryEventsThroughTheBroker() throws Exception {
        DeliveryAccepted accepted = new DeliveryAccepted(UUID.randomUUID(), 1, Channel.EMAIL, "ses", "0100019a-ses-id");
        try (EventProbe probe = EventProbe.listen(Topics.DELIVERY_EVENTS)) {
            EventEnvelope sent = publisher.publish(accepted).get();

            ReceivedEvent received = probe.awaitEvent(e -> e.envelope().id().equals(sent.id()), Duration.ofSeconds(30));

            assertThat(received.event()).isEqualTo(accepted);
            assertThat(received.envelope().source()).hasToString("/delivery-service");
        }
    }
}
