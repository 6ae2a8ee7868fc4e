package com.peptalk.delivery.sending;

import com.peptalk.delivery.ProviderFakes;
import com.peptalk.events.EventCodec;
import com.peptalk.events.EventEnvelope;
import com.peptalk.events.comms.Channel;
import com.peptalk.events.comms.DeliveryAccepted;
import com.peptalk.events.comms.DeliveryFailed;
import com.peptalk.events.comms.FallbackStarted;
import com.peptalk.events.comms.SendRequested;
import com.peptalk.events.runtime.EventPublisher;
import com.peptalk.testsupport.Http;
import com.peptalk.testsupport.ServiceTest;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.peptalk.delivery.sending.ProviderStubs.sesAccepted;
import static com.peptalk.delivery.sending.ProviderStubs.sesCalls;
import static com.peptalk.delivery.sending.ProviderStubs.sesError;
import static com.peptalk.delivery.sending.ProviderStubs.sesTo;
import static com.peptalk.delivery.sending.ProviderStubs.stub;
import static com.peptalk.delivery.sending.ProviderStubs.twilioAccepted;
import static com.peptalk.delivery.sending.ProviderStubs.twilioCalls;
import static com.peptalk.delivery.sending.ProviderStubs.twilioError;
import static com.peptalk.delivery.sending.ProviderStubs.twilioTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** From {@code comms.send-requested} to the providers (the real SDKs against WireMock) and back to delivery events. */
@ServiceTest
@ExtendWith(OutputCaptureExtension.class)
class SendingTests {

    private static final Duration WAIT = DeliveryEvents.WAIT;

    @Autowired
    EventPublisher publisher;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MeterRegistry meters;
    @Autowired
    EventCodec codec;
    @LocalServerPort
    int port;

    @Test
    void sendsAnEmailThroughSesOnceWithTheConfigurationSetTagsAndBothParts() throws Exception {
        SendRequested request = Sends.request(Channel.EMAIL, Channel.SMS, Sends.email(), Sends.phone());
        String address = request.recipient().email();
        stub(sesTo(address).willReturn(sesAccepted()));

        publisher.publish(request).get();
        publisher.publish(request).get(); // redelivered with a new ce_id: still one message, one send

        DeliveryAccepted accepted = DeliveryEvents.await(request.messageId(), DeliveryAccepted.class);
        assertThat(accepted.provider()).isEqualTo("ses");
        assertThat(accepted.providerMessageId()).startsWith("0100019a-");
        List<LoggedRequest> sent = ProviderFakes.wiremock().findAll(postRequestedFor(urlEqualTo(ProviderStubs.SES_SEND))
                .withRequestBody(containing(address)));
        assertThat(sent).hasSize(1);
        String body = sent.getFirst().getBodyAsString();
        assertThat(body).contains("\"ConfigurationSetName\":\"peptalk-events\"")
                .contains("{\"Name\":\"message_id\",\"Value\":\"" + request.messageId() + "\"}")
                .contains("{\"Name\":\"workflow_run_id\",\"Value\":\"" + request.runId() + "\"}")
                .contains("\"Html\":{").contains("\"Text\":{").contains("notifications@peptalk.local");
        assertThat(sent.getFirst().getHeader("Authorization")).startsWith("AWS4-HMAC-SHA256 Credential=AKIATESTONLY0000000/");
        await().atMost(WAIT).until(() -> status(request.messageId()).equals("ACCEPTED"));
        assertThat(jdbc.sql("select count(*) from messages where id = ?").param(request.messageId()).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void retriesSesThrottlingWithBackOffThenSends() throws Exception {
        SendRequested request = Sends.request(Channel.EMAIL, null, Sends.email(), null);
        String address = request.recipient().email();
        stub(sesTo(address).inScenario(address).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(sesError(429, "TooManyRequestsException", "Maximum sending rate exceeded."))
                .willSetStateTo("throttled once"));
        stub(sesTo(address).inScenario(address).whenScenarioStateIs("throttled once")
                .willReturn(sesError(503, "InternalFailure", "Service unavailable"))
                .willSetStateTo("recovered"));
        stub(sesTo(address).inScenario(address).whenScenarioStateIs("recovered").willReturn(sesAccepted()));

        publisher.publish(request).get();

        DeliveryEvents.await(request.messageId(), DeliveryAccepted.class);
        assertThat(sesCalls(address)).isEqualTo(3);
    }

    @Test
    void aRejectedEmailIsNotRetriedAndFallsBackToSmsOnce() throws Exception {
        SendRequested request = Sends.request(Channel.EMAIL, Channel.SMS, Sends.email(), Sends.phone());
        stub(sesTo(request.recipient().email()).willReturn(sesError(400, "MessageRejected", "Email address is not verified.")));
        stub(twilioTo(request.recipient().phone()).willReturn(twilioAccepted(request.recipient().phone())));

        publisher.publish(request).get();

        DeliveryFailed failed = DeliveryEvents.await(request.messageId(), DeliveryFailed.class);
        assertThat(failed.permanent()).isTrue();
        assertThat(failed.reason()).contains("MessageRejected");
        FallbackStarted fallback = DeliveryEvents.await(request.messageId(), FallbackStarted.class);
        assertThat(fallback.toChannel()).isEqualTo(Channel.SMS);
        DeliveryAccepted accepted = DeliveryEvents.await(request.messageId(), DeliveryAccepted.class);
        assertThat(accepted.provider()).isEqualTo("twilio");
        assertThat(accepted.attempt()).isEqualTo(2);
        assertThat(sesCalls(request.recipient().email())).isEqualTo(1);
        assertThat(twilioCalls(request.recipient().phone())).isEqualTo(1);
    }

    @Test
    void anSesTimeoutIsRetriedThenTheMessageFallsBack() throws Exception {
        SendRequested request = Sends.request(Channel.EMAIL, Channel.SMS, Sends.email(), Sends.phone());
        stub(sesTo(request.recipient().email()).willReturn(sesAccepted().withFixedDelay(3_000)));
        stub(twilioTo(request.recipient().phone()).willReturn(twilioAccepted(request.recipient().phone())));

        publisher.publish(request).get();

        DeliveryFailed failed = DeliveryEvents.await(request.messageId(), DeliveryFailed.class);
        assertThat(failed.permanent()).isFalse();
        assertThat(failed.reason()).startsWith("timeout");
        DeliveryEvents.await(request.messageId(), FallbackStarted.class);
        assertThat(sesCalls(request.recipient().email())).isEqualTo(4);
    }

    @Test
    void sendsAnSmsThroughTwilioWithAStatusCallbackCarryingTheMessageId() throws Exception {
        SendRequested request = Sends.request(Channel.SMS, Channel.EMAIL, Sends.email(), Sends.phone());
        String phone = request.recipient().phone();
        stub(twilioTo(phone).willReturn(twilioAccepted(phone)));

        publisher.publish(request).get();

        DeliveryAccepted accepted = DeliveryEvents.await(request.messageId(), DeliveryAccepted.class);
        assertThat(accepted.providerMessageId()).startsWith("SM");
        LoggedRequest sent = ProviderFakes.wiremock().findAll(postRequestedFor(urlEqualTo(
                "/2010-04-01/Accounts/ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Messages.json"))
                .withRequestBody(containing(phone.replace("+", "%2B")))).getFirst();
        assertThat(sent.formParameters().get("StatusCallback").firstValue())
                .isEqualTo(ProviderFakes.baseUrl() + "/tracking/webhooks/twilio/status?message_id=" + request.messageId());
        assertThat(sent.formParameters().get("From").firstValue()).isEqualTo("+15005550006");
        assertThat(sent.formParameters().get("Body").firstValue()).isEqualTo("Peptalk: an observation needs you");
    }

    @Test
    void twilioPermanentErrorsAreNotRetriedAndFallBackToEmail() throws Exception {
        for (int code : new int[] { 21211, 21614 }) {
            SendRequested request = Sends.request(Channel.SMS, Channel.EMAIL, Sends.email(), Sends.phone());
            stub(twilioTo(request.recipient().phone()).willReturn(twilioError(400, code, "The 'To' number is not valid.")));
            stub(sesTo(request.recipient().email()).willReturn(sesAccepted()));

            publisher.publish(request).get();

            DeliveryFailed failed = DeliveryEvents.await(request.messageId(), DeliveryFailed.class);
            assertThat(failed.permanent()).isTrue();
            assertThat(failed.reason()).startsWith(code + ":");
            assertThat(DeliveryEvents.await(request.messageId(), DeliveryAccepted.class).provider()).isEqualTo("ses");
            assertThat(twilioCalls(request.recipient().phone())).isEqualTo(1);
        }
    }

    @Test
    void twilio5xxIsRetried() throws Exception {
        SendRequested request = Sends.request(Channel.SMS, null, null, Sends.phone());
        String phone = request.recipient().phone();
        stub(twilioTo(phone).inScenario(phone).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(twilioError(500, 20500, "Internal Server Error")).willSetStateTo("recovered"));
        stub(twilioTo(phone).inScenario(phone).whenScenarioStateIs("recovered").willReturn(twilioAccepted(phone)));

        publisher.publish(request).get();

        DeliveryEvents.await(request.messageId(), DeliveryAccepted.class);
        assertThat(twilioCalls(phone)).isEqualTo(2);
    }

    @Test
    void aTrialAccountsUnverifiedNumberIsReportedAsAConfigurationProblemNotRetriedNotHidden(CapturedOutput output)
            throws Exception {
        SendRequested request = Sends.request(Channel.SMS, Channel.EMAIL, Sends.email(), Sends.phone());
        stub(twilioTo(request.recipient().phone()).willReturn(twilioError(400, 21608,
                "The number " + request.recipient().phone() + " is unverified. Trial accounts cannot send messages to unverified numbers; verify it at twilio.com/user/account/phone-numbers/verified, or purchase a Twilio number to send messages to unverified numbers")));
        stub(sesTo(request.recipient().email()).willReturn(sesAccepted()));
        double before = configurationProblems();

        publisher.publish(request).get();

        DeliveryFailed failed = DeliveryEvents.await(request.messageId(), DeliveryFailed.class);
        assertThat(failed.reason()).startsWith("configuration: 21608:").contains("trial account");
        assertThat(failed.permanent()).isTrue();
        DeliveryEvents.await(request.messageId(), FallbackStarted.class);
        assertThat(twilioCalls(request.recipient().phone())).isEqualTo(1);
        assertThat(configurationProblems()).isEqualTo(before + 1);
        assertThat(output.getAll()).contains("twilio configuration problem (21608)")
                .doesNotContain("test-only-twilio-auth-token-0123").doesNotContain("test-only-ses-secret-do-not-log");
    }

    @Test
    void aSuspendedSesAccountIsAConfigurationProblemNotRetried() throws Exception {
        SendRequested request = Sends.request(Channel.EMAIL, null, Sends.email(), null);
        stub(sesTo(request.recipient().email()).willReturn(sesError(400, "AccountSuspendedException",
                "Your account has been suspended.")));

        publisher.publish(request).get();

        DeliveryFailed failed = DeliveryEvents.await(request.messageId(), DeliveryFailed.class);
        assertThat(failed.reason()).startsWith("configuration: AccountSuspendedException:");
        assertThat(failed.permanent()).isTrue();
        assertThat(sesCalls(request.recipient().email())).isEqualTo(1);
    }

    @Test
    void twilio21610SuppressesTheNumber() throws Exception {
        SendRequested request = Sends.request(Channel.SMS, null, null, Sends.phone());
        stub(twilioTo(request.recipient().phone()).willReturn(twilioError(400, 21610, "Attempt to send to unsubscribed recipient")));

        publisher.publish(request).get();

        DeliveryEvents.await(request.messageId(), DeliveryFailed.class);
        await().atMost(WAIT).until(() -> jdbc.sql("select count(*) from suppressions where channel = 'SMS' and address = ?")
                .param(request.recipient().phone()).query(Long.class).single() == 1);
    }

    @Test
    void aMessageWithoutAnAddressOnItsChannelFallsBack() throws Exception {
        SendRequested request = Sends.request(Channel.SMS, Channel.EMAIL, Sends.email(), null);
        stub(sesTo(request.recipient().email()).willReturn(sesAccepted()));

        publisher.publish(request).get();

        assertThat(DeliveryEvents.await(request.messageId(), DeliveryFailed.class).reason()).startsWith("no-address");
        assertThat(DeliveryEvents.await(request.messageId(), DeliveryAccepted.class).channel()).isEqualTo(Channel.EMAIL);
    }

    @Test
    void aMessageHeldForQuietHoursIsSentWhenDue() throws Exception {
        SendRequested request = Sends.request(Channel.EMAIL, null, Sends.email(), null, Instant.now().plusSeconds(4));
        stub(sesTo(request.recipient().email()).willReturn(sesAccepted()));

        publisher.publish(request).get();

        await().atMost(WAIT).until(() -> !status(request.messageId()).isEmpty());
        if (Instant.now().isBefore(request.notBefore())) {
            assertThat(sesCalls(request.recipient().email())).isZero();
        }
        DeliveryEvents.await(request.messageId(), DeliveryAccepted.class);
        Instant sentAt = jdbc.sql("select attempted_at from delivery_attempts where message_id = ?")
                .param(request.messageId()).query(java.sql.Timestamp.class).single().toInstant();
        assertThat(sentAt).isAfterOrEqualTo(request.notBefore());
    }

    @Test
    void theMessageLogShowsEachAttemptAndEvent() throws Exception {
        SendRequested request = Sends.request(Channel.EMAIL, Channel.SMS, Sends.email(), Sends.phone());
        stub(sesTo(request.recipient().email()).willReturn(sesError(400, "MessageRejected", "rejected")));
        stub(twilioTo(request.recipient().phone()).willReturn(twilioAccepted(request.recipient().phone())));
        publisher.publish(request).get();
        DeliveryEvents.await(request.messageId(), DeliveryAccepted.class);

        HttpResponse<String> timeline = Http.getAsAdmin("http://localhost:" + port + "/api/messages/" + request.messageId());
        assertThat(timeline.statusCode()).isEqualTo(200);
        assertThat(timeline.body()).contains("\"provider\":\"ses\"").contains("\"provider\":\"twilio\"")
                .contains("\"kind\":\"requested\"").contains("\"kind\":\"fallback-started\"")
                .contains("\"operation\":\"SendEmail\"").contains("\"operation\":\"CreateMessage\"")
                .doesNotContain("test-only-twilio-auth-token").doesNotContain("test-only-ses-secret");
        HttpResponse<String> search = Http.getAsAdmin("http://localhost:" + port + "/api/messages?projectId=7&workflowRunId="
                + request.runId() + "&channel=SMS");
        assertThat(search.body()).contains(request.messageId().toString()).contains("\"totalItems\":1");
        HttpResponse<String> bad = Http.getAsAdmin("http://localhost:" + port + "/api/messages?status=LOST");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("status");
    }

    @Test
    void aRequestOlderThanTheMaxRequestAgeIsRecordedAsExpiredAndNeverSent() throws Exception {
        SendRequested old = Sends.request(Channel.SMS, Channel.EMAIL, Sends.email(), Sends.phone());
        stub(twilioTo(old.recipient().phone()).willReturn(twilioAccepted(old.recipient().phone())));
        EventEnvelope fresh = codec.envelopeFor(old);
        Instant dayAndHourAgo = Instant.now().minus(Duration.ofHours(25));
        publisher.publish(new EventEnvelope(fresh.id(), fresh.type(), fresh.source(), dayAndHourAgo, fresh.subject(),
                fresh.specVersion()), old).get();
        SendRequested recent = Sends.request(Channel.SMS, null, null, Sends.phone());
        stub(twilioTo(recent.recipient().phone()).willReturn(twilioAccepted(recent.recipient().phone())));
        EventEnvelope hourAgo = codec.envelopeFor(recent);
        publisher.publish(new EventEnvelope(hourAgo.id(), hourAgo.type(), hourAgo.source(),
                Instant.now().minus(Duration.ofHours(1)), hourAgo.subject(), hourAgo.specVersion()), recent).get();

        await().atMost(WAIT).until(() -> status(old.messageId()).equals("EXPIRED"));
        DeliveryEvents.await(recent.messageId(), DeliveryAccepted.class);
        HttpResponse<String> timeline = Http.getAsAdmin("http://localhost:" + port + "/api/messages/" + old.messageId());
        assertThat(timeline.body()).contains("\"kind\":\"requested\"").contains("\"kind\":\"expired\"");
        assertThat(twilioCalls(old.recipient().phone())).isZero();
        assertThat(sesCalls(old.recipient().email())).isZero();
        assertThat(jdbc.sql("select count(*) from delivery_attempts where message_id = ?").param(old.messageId())
                .query(Long.class).single()).isZero();
    }

    private String status(UUID id) {
        return jdbc.sql("select status from messages where id = ?").param(id).query(String.class).optional().orElse("");
    }

    private double configurationProblems() {
        var counter = meters.find("delivery.configuration.problems").tag("code", "21608").counter();
        return counter == null ? 0 : counter.count();
    }

}
