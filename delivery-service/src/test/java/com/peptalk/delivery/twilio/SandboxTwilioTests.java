package com.peptalk.delivery.twilio;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.peptalk.delivery.ProviderFakes;
import com.peptalk.delivery.sending.OutgoingMessage;
import com.peptalk.delivery.sending.ProviderAnswer;
import com.peptalk.delivery.sending.ProviderFailure;
import com.peptalk.events.comms.Channel;
import com.peptalk.testsupport.ServiceTest;
import com.twilio.security.RequestValidator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/** The sandbox Twilio: magic test numbers, and status callbacks that Twilio's own validator accepts. */
@ServiceTest
class SandboxTwilioTests {

    private static final String AUTH_TOKEN = "test-only-twilio-auth-token-0123";

    @Autowired
    SandboxTwilio twilio;

    @BeforeAll
    static void tracking() {
        ProviderFakes.wiremock().stubFor(post(urlPathEqualTo("/tracking/webhooks/twilio/status"))
                .willReturn(aResponse().withStatus(204)));
    }

    @Test
    void anAcceptedMessageIsReportedSentThenDeliveredWithCallbacksTwilioWouldSign() {
        OutgoingMessage message = sms("+14155550123");

        ProviderAnswer answer = twilio.send(message);

        String url = ProviderFakes.baseUrl() + "/tracking/webhooks/twilio/status?message_id=" + message.messageId();
        await().atMost(Duration.ofSeconds(30)).until(() -> callbacks(message).size() == 2);
        List<LoggedRequest> callbacks = callbacks(message);
        assertThat(callbacks).extracting(request -> request.formParameters().get("MessageStatus").firstValue())
                .containsExactlyInAnyOrder("sent", "delivered");
        for (LoggedRequest callback : callbacks) {
            Map<String, String> form = new HashMap<>();
            callback.formParameters().forEach((name, value) -> form.put(name, value.firstValue()));
            assertThat(form).containsEntry("MessageSid", answer.providerMessageId()).containsEntry("To", "+14155550123")
                    .containsEntry("AccountSid", "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
            assertThat(new RequestValidator(AUTH_TOKEN).validate(url, form, callback.getHeader("X-Twilio-Signature")))
                    .isTrue();
            assertThat(new RequestValidator("another-token").validate(url, form, callback.getHeader("X-Twilio-Signature")))
                    .isFalse();
        }
    }

    @Test
    void magicNumbersAnswerTwilioTestCredentialErrors() {
        Map<String, String> expected = Map.of("+15005550001", "21211", "+15005550002", "21612", "+15005550003", "21408",
                "+15005550004", "21610", "+15005550009", "21614");
        expected.forEach((number, code) -> {
            ProviderFailure failure = catchThrowableOfType(ProviderFailure.class, () -> twilio.send(sms(number)));
            assertThat(failure.code()).isEqualTo(code);
            assertThat(failure.kind()).isEqualTo(ProviderFailure.Kind.PERMANENT);
        });
    }

    private static List<LoggedRequest> callbacks(OutgoingMessage message) {
        return ProviderFakes.wiremock().findAll(postRequestedFor(urlEqualTo(
                "/tracking/webhooks/twilio/status?message_id=" + message.messageId())));
    }

    private static OutgoingMessage sms(String phone) {
        return new OutgoingMessage(UUID.randomUUID(), null, Channel.SMS, phone, null, null, "Hi");
    }
}
