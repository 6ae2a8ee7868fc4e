package com.peptalk.tracking;

import com.peptalk.events.comms.Channel;
import com.peptalk.events.comms.MessageStatus;
import com.peptalk.events.comms.MessageStatusReported;
import com.peptalk.events.runtime.EventPublisher;
import com.peptalk.testsupport.ServiceChecks;
import com.peptalk.testsupport.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.UUID;

@ServiceTest
class StatusEventsTests {

    @Autowired
    EventPublisher publisher;

    @Test
    void publishesNormalisedStatusEventsThroughTheBroker() throws Exception {
        ServiceChecks.assertPublishedThroughTheBroker(publisher, new MessageStatusReported(UUID.randomUUID(), Channel.SMS, "twilio",
                "SM0123456789abcdef0123456789abcdef", MessageStatus.DELIVERED, Instant.parse("2026-11-22T08:30:00Z"),
                null), "/tracking-service");
    }
}
