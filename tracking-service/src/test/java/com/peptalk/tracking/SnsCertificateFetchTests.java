package com.peptalk.tracking;

import com.peptalk.events.comms.MessageStatus;
import com.peptalk.events.comms.MessageStatusReported;
import com.peptalk.testsupport.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** The signing certificate fetched over HTTPS from SNS's host (once, then cached), and subscriptions confirmed. */
@ServiceTest
class SnsCertificateFetchTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aCertificateIsFetchedOverHttpsOnceAndCached() {
        String path = "/SimpleNotificationService-" + UUID.randomUUID().toString().replace("-", "") + ".pem";
        FakeSns.server().stubFor(get(urlEqualTo(path)).willReturn(aResponse().withStatus(200).withBody(FakeSns.certificatePem())));
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();

        for (UUID message : new UUID[] {first, second}) {
            Map<String, Object> envelope = Providers.notification(Providers.sesEvent("Delivery", message, "delivery", "{}"), 2);
            envelope.put("SigningCertURL", FakeSns.url(path));
            assertThat(Providers.postSns(port, Providers.sign(envelope)).statusCode()).isEqualTo(200);
        }

        assertThat(Published.awaitStatusEvent(second.toString(), MessageStatusReported.class, event -> true).status()).isEqualTo(MessageStatus.DELIVERED);
        assertThat(Published.outboxed(jdbc, first.toString())).hasSize(1);
        FakeSns.server().verify(1, getRequestedFor(urlEqualTo(path)));
    }

    @Test
    void aCertificateThatCannotBeFetchedOrIsNotACertificateRefusesTheMessage() {
        String missing = "/SimpleNotificationService-missing" + UUID.randomUUID().toString().replace("-", "") + ".pem";
        String garbage = "/SimpleNotificationService-garbage" + UUID.randomUUID().toString().replace("-", "") + ".pem";
        FakeSns.server().stubFor(get(urlEqualTo(missing)).willReturn(aResponse().withStatus(404)));
        FakeSns.server().stubFor(get(urlEqualTo(garbage)).willReturn(aResponse().withStatus(200).withBody("not a certificate")));

        for (String path : new String[] {missing, garbage}) {
            UUID message = UUID.randomUUID();
            Map<String, Object> envelope = Providers.notification(Providers.sesEvent("Delivery", message, "delivery", "{}"), 2);
            envelope.put("SigningCertURL", FakeSns.url(path));

            HttpResponse<String> answer = Providers.postSns(port, Providers.sign(envelope));

            assertThat(answer.statusCode()).isEqualTo(403);
            assertThat(answer.body()).contains("\"field\":\"SigningCertURL\"");
            assertThat(Published.outboxed(jdbc, message.toString())).isEmpty();
        }
    }

    @Test
    void aSubscriptionToAnAllowedTopicIsConfirmedByFetchingItsSubscribeUrl() {
        String token = UUID.randomUUID().toString();
        FakeSns.server().stubFor(get(urlPathEqualTo("/")).willReturn(aResponse().withStatus(200)
                .withBody("<ConfirmSubscriptionResponse/>")));

        HttpResponse<String> answer = Providers.postSns(port, Providers.subscriptionConfirmation(Providers.TOPIC,
                FakeSns.url("/?Action=ConfirmSubscription&TopicArn=" + Providers.TOPIC + "&Token=" + token)));

        assertThat(answer.statusCode()).isEqualTo(200);
        FakeSns.server().verify(1, getRequestedFor(urlEqualTo("/?Action=ConfirmSubscription&TopicArn=" + Providers.TOPIC + "&Token=" + token)));
    }
}
