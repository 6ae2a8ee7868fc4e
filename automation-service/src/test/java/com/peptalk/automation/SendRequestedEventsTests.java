package com.peptalk.automation;

import com.peptalk.events.comms.Channel;
import com.peptalk.events.comms.Recipient;
import com.peptalk.events.comms.RenderedContent;
import com.peptalk.events.comms.SendRequested;
import com.peptalk.events.runtime.EventPublisher;
import com.peptalk.testsupport.ServiceChecks;
import com.peptalk.testsupport.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.UUID;

@ServiceTest
class SendRequestedEventsTests {

    @Autowired
    EventPublisher publisher;

    @Test
    void publishesSendRequestedKeyedByMessageIdThroughTheBroker() throws Exception {
        ServiceChecks.assertPublishedThroughTheBroker(publisher, new SendRequested(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                new Recipient(901, "Sam Ortiz", "sam.ortiz@example.com", "+15005550006"), Channel.EMAIL, Channel.SMS,
                new RenderedContent("Toolbox talk", "<p>Today at 7</p>", "Today at 7", "Toolbox talk today at 7"),
                List.of(42L, 43L), null), "/automation-service");
    }
}
