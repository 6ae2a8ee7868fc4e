package com.peptalk.tracking;

import com.peptalk.events.comms.Channel;
import com.peptalk.events.comms.MessageStatus;
import com.peptalk.events.comms.MessageStatusReported;
import com.peptalk.events.comms.RecipientOptedIn;
import com.peptalk.events.comms.RecipientOptedOut;
import com.peptalk.testsupport.Http;
import com.peptalk.testsupport.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

@ServiceTest
class TwilioWebhookTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    static String sid() {
        return "SM" + UUID.randomUUID().toString().replace("-", "");
    }

    static Map<String, String> status(String sid, String status) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("MessageSid", sid);
        form.put("SmsSid", sid);
        form.put("AccountSid", "AC0123456789abcdef0123456789abcdef");
        form.put("From", "+15005550006");
        form.put("To", "+15558675310");
        form.put("MessageStatus", status);
        form.put("SmsStatus", status);
        form.put("ApiVersion", "2010-04-01");
        return form;
    }

    static String statusPath(UUID message) {
        return "/webhooks/twilio/status?message_id=" + message;
    }

    @Test
    void aSignedDeliveredCallbackPublishesDeliveredForTheMessageInItsUrl() {
        UUID message = UUID.randomUUID();
        String sid = sid();

        HttpResponse<String> answer = Providers.postTwilio(port, statusPath(message), status(sid, "delivered"), Providers.TWILIO_TOKEN);

        assertThat(answer.statusCode()).isEqualTo(200);
        MessageStatusReported reported = Published.awaitStatusEvent(message.toString(), MessageStatusReported.class, event -> true);
        assertThat(reported.status()).isEqualTo(MessageStatus.DELIVERED);
        assertThat(reported.channel()).isEqualTo(Channel.SMS);
        assertThat(reported.providerMessageId()).isEqualTo(sid);
        assertThat(reported.address()).isEqualTo("+15558675310");
        assertThat(reported.permanent()).isFalse();
    }

    @Test
    void aCallbackSignedWithTheTokenBeingRotatedOutIsStillAccepted() {
        UUID message = UUID.randomUUID();

        assertThat(Providers.postTwilio(port, statusPath(message), status(sid(), "sent"), Providers.OLD_TWILIO_TOKEN).statusCode()).isEqualTo(200);
        assertThat(Published.awaitStatusEvent(message.toString(), MessageStatusReported.class, event -> true).status()).isEqualTo(MessageStatus.SENT);
    }

    @Test
    void undeliverableNumbersArePermanentWithTheirErrorCodeOtherFailuresAreNot() {
        UUID landline = UUID.randomUUID();
        UUID queueOverflow = UUID.randomUUID();
        Map<String, String> permanent = status(sid(), "undelivered");
        permanent.put("ErrorCode", "30006");
        Map<String, String> temporary = status(sid(), "failed");
        temporary.put("ErrorCode", "30001");

        Providers.postTwilio(port, statusPath(landline), permanent, Providers.TWILIO_TOKEN);
        Providers.postTwilio(port, statusPath(queueOverflow), temporary, Providers.TWILIO_TOKEN);

        MessageStatusReported undelivered = Published.awaitStatusEvent(landline.toString(), MessageStatusReported.class, event -> true);
        assertThat(undelivered.status()).isEqualTo(MessageStatus.UNDELIVERED);
        assertThat(undelivered.permanent()).isTrue();
        assertThat(undelivered.errorCode()).isEqualTo("30006");
        MessageStatusReported failed = Published.awaitStatusEvent(queueOverflow.toString(), MessageStatusReported.class, event -> true);
        assertThat(failed.status()).isEqualTo(MessageStatus.FAILED);
        assertThat(failed.permanent()).isFalse();
    }

    @Test
    void queuedAndSendingArePendingReadIsOpened() {
        UUID message = UUID.randomUUID();
        String sid = sid();

        Providers.postTwilio(port, statusPath(message), status(sid, "queued"), Providers.TWILIO_TOKEN);
        Providers.postTwilio(port, statusPath(message), status(sid, "sending"), Providers.TWILIO_TOKEN);
        Providers.postTwilio(port, statusPath(message), status(sid, "read"), Providers.TWILIO_TOKEN);

        assertThat(Published.awaitStatusEvent(message.toString(), MessageStatusReported.class, event -> true).status()).isEqualTo(MessageStatus.OPENED);
        assertThat(Published.outboxed(jdbc, message.toString())).hasSize(1);
    }

    @Test
    void theSameSidAndStatusTwiceIsPublishedOnce() {
        UUID message = UUID.randomUUID();
        Map<String, String> form = status(sid(), "delivered");

        assertThat(Providers.postTwilio(port, statusPath(message), form, Providers.TWILIO_TOKEN).statusCode()).isEqualTo(200);
        assertThat(Providers.postTwilio(port, statusPath(message), form, Providers.TWILIO_TOKEN).statusCode()).isEqualTo(200);

        assertThat(Published.outboxed(jdbc, message.toString())).hasSize(1);
    }

    @Test
    void aMissingWrongOrMisplacedSignatureIsRefusedAndPublishesNothing() {
        UUID message = UUID.randomUUID();
        Map<String, String> form = status(sid(), "delivered");
        String url = "http://localhost:" + port + statusPath(message);

        HttpResponse<String> unsigned = Http.post(url, "application/x-www-form-urlencoded", Providers.form(form), Map.of());
        HttpResponse<String> wrongToken = Providers.postTwilio(port, statusPath(message), form, "someone-elses-token-0123456789abc");
        // signed for another message: the query is part of what is signed
        String otherMessage = Providers.twilioSignature(Providers.TWILIO_TOKEN, Providers.PUBLIC_BASE_URL + statusPath(UUID.randomUUID()), form);
        HttpResponse<String> moved = Http.post(url, "application/x-www-form-urlencoded", Providers.form(form), Map.of("X-Twilio-Signature", otherMessage));
        Map<String, String> altered = new LinkedHashMap<>(form);
        altered.put("MessageStatus", "failed");
        String signedOriginal = Providers.twilioSignature(Providers.TWILIO_TOKEN, Providers.PUBLIC_BASE_URL + statusPath(message), form);
        HttpResponse<String> tampered = Http.post(url, "application/x-www-form-urlencoded", Providers.form(altered), Map.of("X-Twilio-Signature", signedOriginal));

        for (HttpResponse<String> answer : java.util.List.of(unsigned, wrongToken, moved, tampered)) {
            assertThat(answer.statusCode()).isEqualTo(401);
            assertThat(answer.body()).contains("\"field\":\"X-Twilio-Signature\"");
        }
        assertThat(Published.outboxed(jdbc, message.toString())).isEmpty();
    }

    @Test
    void aSignedCallbackWithoutOurMessageIdOrWithAnOddStatusIsRefusedNamingTheField() {
        HttpResponse<String> noMessage = Providers.postTwilio(port, "/webhooks/twilio/status", status(sid(), "delivered"), Providers.TWILIO_TOKEN);
        HttpResponse<String> badMessage = Providers.postTwilio(port, "/webhooks/twilio/status?message_id=42", status(sid(), "delivered"), Providers.TWILIO_TOKEN);
        HttpResponse<String> oddStatus = Providers.postTwilio(port, statusPath(UUID.randomUUID()), status(sid(), "teleported"), Providers.TWILIO_TOKEN);
        Map<String, String> noSid = status("", "delivered");
        noSid.remove("MessageSid");
        noSid.remove("SmsSid");
        HttpResponse<String> withoutSid = Providers.postTwilio(port, statusPath(UUID.randomUUID()), noSid, Providers.TWILIO_TOKEN);

        assertThat(noMessage.statusCode()).isEqualTo(400);
        assertThat(noMessage.body()).contains("\"field\":\"message_id\"");
        assertThat(badMessage.body()).contains("\"field\":\"message_id\"");
        assertThat(oddStatus.body()).contains("\"field\":\"MessageStatus\"");
        assertThat(withoutSid.body()).contains("\"field\":\"MessageSid\"");
    }

    static Map<String, String> inbound(String from, String body) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("MessageSid", sid());
        form.put("AccountSid", "AC0123456789abcdef0123456789abcdef");
        form.put("From", from);
        form.put("To", "+15005550006");
        form.put("Body", body);
        form.put("NumMedia", "0");
        return form;
    }

    static String phone() {
        return "+1555" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
    }

    @Test
    void stopAndItsSynonymsOptOutStartOptsBackIn() {
        for (String keyword : new String[] {"STOP", " stop ", "Unsubscribe", "cancel", "END", "quit", "STOPALL", "optout", "revoke"}) {
            String phone = phone();
            HttpResponse<String> answer = Providers.postTwilio(port, "/webhooks/twilio/inbound", inbound(phone, keyword), Providers.TWILIO_TOKEN);

            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).contains("<Response/>");
            RecipientOptedOut out = Published.awaitStatusEvent(phone, RecipientOptedOut.class, event -> true);
            assertThat(out.channel()).isEqualTo(Channel.SMS);
            assertThat(out.keyword()).as(keyword).isEqualTo(keyword.strip().toUpperCase(java.util.Locale.ROOT));
        }
        String phone = phone();
        Providers.postTwilio(port, "/webhooks/twilio/inbound", inbound(phone, "START"), Providers.TWILIO_TOKEN);
        assertThat(Published.awaitStatusEvent(phone, RecipientOptedIn.class, event -> true).address()).isEqualTo(phone);
    }

    @Test
    void helpAndOrdinaryRepliesPublishNothing() {
        String phone = phone();

        assertThat(Providers.postTwilio(port, "/webhooks/twilio/inbound", inbound(phone, "HELP"), Providers.TWILIO_TOKEN).statusCode()).isEqualTo(200);
        assertThat(Providers.postTwilio(port, "/webhooks/twilio/inbound", inbound(phone, "please stop by at 5"), Providers.TWILIO_TOKEN).statusCode()).isEqualTo(200);

        assertThat(Published.outboxed(jdbc, phone)).isEmpty();
    }

    @Test
    void anUnsignedStopIsRefused() {
        String phone = phone();
        HttpResponse<String> answer = Http.post("http://localhost:" + port + "/webhooks/twilio/inbound",
                "application/x-www-form-urlencoded", Providers.form(inbound(phone, "STOP")), Map.of("X-Twilio-Signature", "bm9wZQ=="));

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(Published.outboxed(jdbc, phone)).isEmpty();
    }
}
