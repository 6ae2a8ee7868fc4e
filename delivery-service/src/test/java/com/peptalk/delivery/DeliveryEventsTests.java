package com.peptalk.delivery;

import com.peptalk.events.comms.Channel;
import com.peptalk.events.comms.DeliveryAccepted;
import com.peptalk.events.runtime.EventPublisher;
import com.peptalk.testsupport.ServiceChecks;
import com.peptalk.testsupport.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.UUID;

@ServiceTest
class DeliveryEventsTests {

    @Autowired
    EventPublisher publisher;

    @Test
    void publishesDeliveryEventsThroughTheBroker() throws Exception {
        ServiceChecks.assertPublishedThroughTheBroker(publisher, new DeliveryAccepted(UUID.randomUUID(), 1, Channel.EMAIL, "ses", "0100019a-ses-id"), "/delivery-service");
    }
}
