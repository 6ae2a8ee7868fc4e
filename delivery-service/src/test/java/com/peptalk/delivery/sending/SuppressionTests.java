package com.peptalk.delivery.sending;

import com.peptalk.events.comms.Channel;
import com.peptalk.events.comms.DeliveryAccepted;
import com.peptalk.events.comms.DeliverySuppressed;
import com.peptalk.events.comms.FallbackStarted;
import com.peptalk.events.comms.MessageStatus;
import com.peptalk.events.comms.MessageStatusReported;
import com.peptalk.events.comms.RecipientOptedIn;
import com.peptalk.events.comms.RecipientOptedOut;
import com.peptalk.events.comms.SendRequested;
import com.peptalk.events.runtime.EventPublisher;
import com.peptalk.testsupport.Http;
import com.peptalk.testsupport.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static com.peptalk.delivery.sending.ProviderStubs.sesAccepted;
import static com.peptalk.delivery.sending.ProviderStubs.sesCalls;
import static com.peptalk.delivery.sending.ProviderStubs.sesTo;
import static com.peptalk.delivery.sending.ProviderStubs.stub;
import static com.peptalk.delivery.sending.ProviderStubs.twilioAccepted;
import static com.peptalk.delivery.sending.ProviderStubs.twilioCalls;
import static com.peptalk.delivery.sending.ProviderStubs.twilioTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Hard bounces, complaints and opt-outs suppress an address; START lifts it; suppressed sends are skipped. */
@ServiceTest
class SuppressionTests {

    private static final Duration WAIT = DeliveryEvents.WAIT;

    @Autowired
    EventPublisher publisher;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    @Test
    void aHardBounceSuppressesTheEmailAddressAndTheNextMessageFallsBackToSms() throws Exception {
        String email = Sends.email();
        publisher.publish(new MessageStatusReported(UUID.randomUUID(), Channel.EMAIL, "ses", "0100019a-x",
                MessageStatus.BOUNCED, Instant.now(), "smtp; 550 5.1.1 user unknown", email.toUpperCase(), true, "General")).get();
        await().atMost(WAIT).until(() -> suppressed(Channel.EMAIL, email));

        SendRequested request = Sends.request(Channel.EMAIL, Channel.SMS, email, Sends.phone());
        stub(twilioTo(request.recipient().phone()).willReturn(twilioAccepted(request.recipient().phone())));
        publisher.publish(request).get();

        DeliverySuppressed skipped = DeliveryEvents.await(request.messageId(), DeliverySuppressed.class);
        assertThat(skipped.channel()).isEqualTo(Channel.EMAIL);
        assertThat(skipped.reason()).startsWith("bounced (General)");
        assertThat(DeliveryEvents.await(request.messageId(), FallbackStarted.class).toChannel()).isEqualTo(Channel.SMS);
        assertThat(DeliveryEvents.await(request.messageId(), DeliveryAccepted.class).channel()).isEqualTo(Channel.SMS);
        assertThat(sesCalls(email)).isZero();
    }

    @Test
    void stopSuppressesANumberAndStartLiftsIt() throws Exception {
        String phone = Sends.phone();
        publisher.publish(new RecipientOptedOut(Channel.SMS, phone, "twilio-inbound", "STOP", Instant.now())).get();
        await().atMost(WAIT).until(() -> suppressed(Channel.SMS, phone));

        SendRequested blocked = Sends.request(Channel.SMS, null, null, phone);
        publisher.publish(blocked).get();
        DeliveryEvents.await(blocked.messageId(), DeliverySuppressed.class);
        assertThat(twilioCalls(phone)).isZero();

        publisher.publish(new RecipientOptedIn(Channel.SMS, phone, "twilio-inbound", "START", Instant.now())).get();
        await().atMost(WAIT).until(() -> !suppressed(Channel.SMS, phone));
        stub(twilioTo(phone).willReturn(twilioAccepted(phone)));
        SendRequested allowed = Sends.request(Channel.SMS, null, null, phone);
        publisher.publish(allowed).get();
        DeliveryEvents.await(allowed.messageId(), DeliveryAccepted.class);
    }

    @Test
    void anAdminListsAddsAndRemovesSuppressions() {
        String email = Sends.email();
        String base = "http://localhost:" + port + "/api/suppressions";
        HttpResponse<String> added = Http.post(base, "application/json",
                "{\"channel\":\"EMAIL\",\"address\":\"" + email + "\",\"reason\":\"asked by phone\"}", Http.admin());
        assertThat(added.statusCode()).isEqualTo(201);
        assertThat(added.body()).contains("\"source\":\"api\"");

        HttpResponse<String> listed = Http.getAsAdmin(base + "?channel=EMAIL&address=" + URLEncoder.encode(email, StandardCharsets.UTF_8));
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).contains(email).contains("\"totalItems\":1");
        assertThat(Http.getAsAdmin(base).statusCode()).isEqualTo(200);
        assertThat(Http.getAsAdmin(base + "?channel=SMS&page=0&size=5").statusCode()).isEqualTo(200);

        HttpResponse<String> removed = Http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/EMAIL/"
                + URLEncoder.encode(email, StandardCharsets.UTF_8))).DELETE().headers(headers()).build());
        assertThat(removed.statusCode()).isEqualTo(204);
        assertThat(suppressed(Channel.EMAIL, email)).isFalse();
        HttpResponse<String> again = Http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/EMAIL/"
                + URLEncoder.encode(email, StandardCharsets.UTF_8))).DELETE().headers(headers()).build());
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(again.body()).contains("not suppressed");
    }

    @Test
    void aSuppressionOfTheWrongKindIsRefusedNamingTheField() {
        HttpResponse<String> refused = Http.post("http://localhost:" + port + "/api/suppressions", "application/json",
                "{\"channel\":\"SMS\",\"address\":\"not-a-number\",\"reason\":\"x\"}", Http.admin());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
        assertThat(refused.body()).contains("address");
    }

    private static String[] headers() {
        return Http.admin().entrySet().stream().flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue()))
                .toArray(String[]::new);
    }

    private boolean suppressed(Channel channel, String address) {
        return jdbc.sql("select count(*) from suppressions where channel = ? and address = ?")
                .params(channel.name(), channel == Channel.EMAIL ? address.toLowerCase() : address)
                .query(Long.class).single() == 1;
    }

}
