package com.peptalk.automation.recipients;

import com.peptalk.automation.AutomationApi;
import com.peptalk.automation.Company;
import com.peptalk.automation.Directory;
import com.peptalk.events.comms.Channel;
import com.peptalk.events.comms.MessageStatus;
import com.peptalk.events.comms.MessageStatusReported;
import com.peptalk.events.comms.RecipientOptedIn;
import com.peptalk.events.comms.RecipientOptedOut;
import com.peptalk.events.runtime.EventPublisher;
import com.peptalk.testsupport.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

@ServiceTest
class OptOutsTests {

    @LocalServerPort
    int port;
    @Autowired
    EventPublisher publisher;
    @Autowired
    JdbcClient jdbc;

    @Test
    void honoursSmsStopAndStartAndEmailComplaintsByAddress() {
        AutomationApi api = new AutomationApi(port);
        Company company = new Company(api, new Directory(publisher, jdbc));
        long project = company.project("Harbor Tower", "America/Chicago");
        String phone = "+1500555" + String.format("%04d", (int) (Directory.nextId() % 10_000));
        String email = "complainer-" + UUID.randomUUID() + "@example.com";
        long id = company.contact("Ana Diaz", email, phone, List.of(project), "site_manager");

        publisher.publish(new RecipientOptedOut(Channel.SMS, phone, "twilio-inbound", "STOP", Instant.now())).join();
        await().atMost(Duration.ofSeconds(30)).until(() -> !api.get("/contacts/" + id).body().path("smsOptIn").asBoolean());

        publisher.publish(new RecipientOptedIn(Channel.SMS, phone, "twilio-inbound", "START", Instant.now())).join();
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/contacts/" + id).body().path("smsOptIn").asBoolean());

        publisher.publish(new MessageStatusReported(UUID.randomUUID(), Channel.EMAIL, "ses", "ses-1",
                MessageStatus.COMPLAINED, Instant.now(), "abuse", email.toUpperCase(), true, null)).join();
        await().atMost(Duration.ofSeconds(30)).until(() -> !api.get("/contacts/" + id).body().path("emailOptIn").asBoolean());
    }
}
