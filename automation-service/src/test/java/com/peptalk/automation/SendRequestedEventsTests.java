package com.peptalk.automation;

import com.peptalk.events.EventEnvelope;
import com.peptalk.events.EventPublisher;
import com.peptalk.events.ReceivedEvent;
import com.peptalk.events.Topics;
import com.peptalk.events.comms.Channel;
import com.peptalk.events.comms.Recipient;
import com.peptalk.events.comms.RenderedContent;
import com.peptalk.events.comms.SendRequested;
import com.peptalk.testsupport.EventProbe;
import com.peptalk.testsupport.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@ServiceTest
class SendRequestedEventsTests {

    @Autowired
    EventPublisher publisher;

    @Test
    void publishesSendRequestedKeyedByMessageIdThroughTheBroker() throws Exception {
        UUID messageId = UUID.randomUUID();
        SendRequested send = new SendRequested(messageId, UUID.randomUUID(), UUID.randomUUID(),
                new Recipient(901, "Sam Ortiz", "sam.ortiz@example.com", "+15005550006"), Channel.EMAIL, Channel.SMS,
                new RenderedContent("Toolbox talk", "<p>Today at 7</p>", "Today at 7", "Toolbox talk today at 7"),
                List.of(42L, 43L), null);
        try (EventProbe probe = EventProbe.listen(Topics.SEND_REQUESTED)) {
            EventEnvelope sent = publisher.publish(send).get();

            ReceivedEvent received = probe.awaitEvent(e -> e.envelope().id().equals(sent.id()), Duration.ofSeconds(30));

            assertThat(received.event()).isEqualTo(send);
            assertThat(probe.seen()).anySatisfy(r -> assertThat(r.key()).isEqualTo(messageId.toString()));
            assertThat(received.envelope().source()).hasToString("/automation-service");
        }
    }
}
