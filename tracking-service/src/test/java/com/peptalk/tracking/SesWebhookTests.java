package com.peptalk.tracking;

import com.peptalk.events.comms.Channel;
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

import static org.assertj.core.api.Assertions.assertThat;

@ServiceTest
class SesWebhookTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aSignedDeliveryPublishesDeliveredForOurMessageWithEitherSignatureVersion() {
        for (int version : new int[] {1, 2}) {
            UUID message = UUID.randomUUID();

            HttpResponse<String> answer = Providers.postSns(port, Providers.notification(
                    Providers.sesEvent("Delivery", message, "delivery", "{\"timestamp\":\"2026-11-30T10:00:02.000Z\",\"recipients\":[\"ana@example.com\"]}"), version));

            assertThat(answer.statusCode()).as("SignatureVersion %s", version).isEqualTo(200);
            MessageStatusReported reported = Published.awaitStatusEvent(message.toString(), MessageStatusReported.class, event -> true);
            assertThat(reported.status()).isEqualTo(MessageStatus.DELIVERED);
            assertThat(reported.channel()).isEqualTo(Channel.EMAIL);
            assertThat(reported.providerMessageId()).isEqualTo("0100019abc-ses-id");
            assertThat(reported.address()).isEqualTo("ana@example.com");
            assertThat(reported.occurredAt()).hasToString("2026-11-30T10:00:02Z");
        }
    }

    @Test
    void aPermanentBounceNamesTheAddressAndIsPermanentATransientOneIsNot() {
        UUID permanent = UUID.randomUUID();
        UUID transientBounce = UUID.randomUUID();

        Providers.postSns(port, Providers.notification(Providers.sesEvent("Bounce", permanent, "bounce", """
                {"bounceType":"Permanent","bounceSubType":"General","timestamp":"2026-11-30T10:00:03.000Z",
                 "bouncedRecipients":[{"emailAddress":"gone@example.com","status":"5.1.1","diagnosticCode":"smtp; 550"}]}"""), 2));
        Providers.postSns(port, Providers.notification(Providers.sesEvent("Bounce", transientBounce, "bounce", """
                {"bounceType":"Transient","bounceSubType":"MailboxFull","timestamp":"2026-11-30T10:00:03.000Z",
                 "bouncedRecipients":[{"emailAddress":"full@example.com"}]}"""), 2));

        MessageStatusReported hard = Published.awaitStatusEvent(permanent.toString(), MessageStatusReported.class, event -> true);
        assertThat(hard.status()).isEqualTo(MessageStatus.BOUNCED);
        assertThat(hard.permanent()).isTrue();
        assertThat(hard.address()).isEqualTo("gone@example.com");
        assertThat(hard.errorCode()).isEqualTo("General");
        MessageStatusReported soft = Published.awaitStatusEvent(transientBounce.toString(), MessageStatusReported.class, event -> true);
        assertThat(soft.permanent()).isFalse();
        assertThat(soft.errorCode()).isEqualTo("MailboxFull");
    }

    @Test
    void aComplaintIsPermanentForTheComplainingAddress() {
        UUID message = UUID.randomUUID();

        Providers.postSns(port, Providers.notification(Providers.sesEvent("Complaint", message, "complaint", """
                {"complainedRecipients":[{"emailAddress":"angry@example.com"}],"complaintFeedbackType":"abuse",
                 "timestamp":"2026-11-30T10:05:00.000Z"}"""), 2));

        MessageStatusReported complaint = Published.awaitStatusEvent(message.toString(), MessageStatusReported.class, event -> true);
        assertThat(complaint.status()).isEqualTo(MessageStatus.COMPLAINED);
        assertThat(complaint.permanent()).isTrue();
        assertThat(complaint.address()).isEqualTo("angry@example.com");
    }

    @Test
    void mapsTheOtherSesEventTypes() {
        Map<String, MessageStatus> expected = Map.of("Send", MessageStatus.SENT, "Open", MessageStatus.OPENED,
                "Click", MessageStatus.CLICKED, "Reject", MessageStatus.FAILED, "Rendering Failure", MessageStatus.FAILED,
                "DeliveryDelay", MessageStatus.DELAYED);
        Map<String, String[]> details = Map.of("Open", new String[] {"open", "{\"timestamp\":\"2026-11-30T10:06:00.000Z\"}"},
                "Click", new String[] {"click", "{\"timestamp\":\"2026-11-30T10:07:00.000Z\",\"link\":\"https://www.procore.com/\"}"},
                "Reject", new String[] {"reject", "{\"reason\":\"Bad content\"}"},
                "DeliveryDelay", new String[] {"deliveryDelay", "{\"delayType\":\"MailboxFull\",\"timestamp\":\"2026-11-30T10:08:00.000Z\",\"delayedRecipients\":[{\"emailAddress\":\"ana@example.com\",\"status\":\"4.2.2\"}]}"});
        expected.forEach((type, status) -> {
            UUID message = UUID.randomUUID();
            String[] detail = details.get(type);
            assertThat(Providers.postSns(port, Providers.notification(Providers.sesEvent(type, message,
                    detail == null ? null : detail[0], detail == null ? null : detail[1]), 2)).statusCode()).isEqualTo(200);
            assertThat(Published.awaitStatusEvent(message.toString(), MessageStatusReported.class, event -> true).status())
                    .as(type).isEqualTo(status);
        });
    }

    @Test
    void theSameSnsMessageTwiceIsPublishedOnce() {
        UUID message = UUID.randomUUID();
        Map<String, Object> envelope = Providers.notification(Providers.sesEvent("Send", message, "send", "{}"), 2);

        assertThat(Providers.postSns(port, envelope).statusCode()).isEqualTo(200);
        assertThat(Providers.postSns(port, envelope).statusCode()).isEqualTo(200);

        assertThat(Published.outboxed(jdbc, message.toString())).hasSize(1);
        assertThat(Published.logged(jdbc, message.toString())).hasSize(2).last().asString().contains("duplicate");
    }

    @Test
    void aForgedOrAlteredSignatureIsRefusedLoggedAndPublishesNothing() {
        UUID message = UUID.randomUUID();
        Map<String, Object> envelope = Providers.notification(Providers.sesEvent("Delivery", message, "delivery", "{}"), 2);
        envelope.put("Message", Providers.sesEvent("Bounce", message, "bounce",
                "{\"bounceType\":\"Permanent\",\"bouncedRecipients\":[{\"emailAddress\":\"victim@example.com\"}]}"));

        HttpResponse<String> answer = Providers.postSns(port, envelope);

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.body()).contains("\"field\":\"Signature\"");
        assertThat(Published.outboxed(jdbc, message.toString())).isEmpty();
        assertThat(Published.logged(jdbc, message.toString())).singleElement().asString().startsWith("401 ");
    }

    @Test
    void anUnknownTopicIsRefusedBeforeAnyCertificateIsFetched() {
        UUID message = UUID.randomUUID();
        Map<String, Object> envelope = Providers.notification(Providers.sesEvent("Send", message, "send", "{}"), 2);
        envelope.put("TopicArn", "arn:aws:sns:eu-west-1:999999999999:someone-else");
        envelope.put("SigningCertURL", "https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-unfetched.pem");

        HttpResponse<String> answer = Providers.postSns(port, Providers.sign(envelope));

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.body()).contains("\"field\":\"TopicArn\"");
        assertThat(Published.outboxed(jdbc, message.toString())).isEmpty();
    }

    @Test
    void aCertificateOverHttpOnAnotherHostOrPathIsRefused() {
        for (String url : new String[] {"http://sns.eu-west-1.amazonaws.com/SimpleNotificationService-abc.pem",
                "https://sns.eu-west-1.amazonaws.com.evil.example/SimpleNotificationService-abc.pem",
                "https://evil.example/SimpleNotificationService-abc.pem",
                "https://sns.eu-west-1.amazonaws.com/somewhere/else.pem",
                "https://user@sns.eu-west-1.amazonaws.com/SimpleNotificationService-abc.pem",
                "not a url"}) {
            UUID message = UUID.randomUUID();
            Map<String, Object> envelope = Providers.notification(Providers.sesEvent("Send", message, "send", "{}"), 2);
            envelope.put("SigningCertURL", url);

            HttpResponse<String> answer = Providers.postSns(port, envelope);

            assertThat(answer.statusCode()).as(url).isEqualTo(403);
            assertThat(answer.body()).contains("\"field\":\"SigningCertURL\"");
            assertThat(Published.outboxed(jdbc, message.toString())).isEmpty();
        }
    }

    @Test
    void rawMessageDeliveryIsRefusedWithAProblemSayingToTurnItOff() {
        UUID message = UUID.randomUUID();

        HttpResponse<String> answer = Providers.postSns(port, Providers.sesEvent("Delivery", message, "delivery", "{}"));

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.body()).contains("RawMessageDelivery off");
        assertThat(Published.outboxed(jdbc, message.toString())).isEmpty();
    }

    @Test
    void malformedEnvelopesAreRefusedNamingTheField() {
        Map<String, Object> withoutMessageId = Providers.notification(Providers.sesEvent("Send", UUID.randomUUID(), "send", "{}"), 2);
        withoutMessageId.remove("MessageId");
        Map<String, Object> oddVersion = Providers.notification(Providers.sesEvent("Send", UUID.randomUUID(), "send", "{}"), 2);
        oddVersion.put("SignatureVersion", "3");

        assertThat(Providers.postSns(port, "{\"Type\":").statusCode()).isEqualTo(400);
        assertThat(Providers.postSns(port, "[1,2]").statusCode()).isEqualTo(400);
        assertThat(Providers.postSns(port, "{\"Type\":\"Other\"}").body()).contains("\"field\":\"Type\"");
        assertThat(Providers.postSns(port, withoutMessageId).body()).contains("\"field\":\"MessageId\"");
        assertThat(Providers.postSns(port, oddVersion).body()).contains("\"field\":\"SignatureVersion\"");
    }

    @Test
    void aSignedEventWithoutOurTagIsAcceptedAndPublishesNothing() {
        String foreign = """
                {"eventType":"Delivery","mail":{"messageId":"someone-elses","destination":["x@example.com"],"tags":{}},"delivery":{}}""";

        HttpResponse<String> answer = Providers.postSns(port, Providers.notification(foreign, 2));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(Published.logged(jdbc, "someone-elses")).singleElement().asString().contains("without our message_id tag");
    }

    @Test
    void aSubscriptionConfirmationIsNotFetchedForAnUnknownTopicOrAnUnsafeUrl() {
        HttpResponse<String> unknownTopic = Providers.postSns(port, Providers.subscriptionConfirmation(
                "arn:aws:sns:eu-west-1:999999999999:someone-else", "https://sns.eu-west-1.amazonaws.com/?Action=ConfirmSubscription"));
        HttpResponse<String> overHttp = Providers.postSns(port, Providers.subscriptionConfirmation(
                Providers.TOPIC, "http://sns.eu-west-1.amazonaws.com/?Action=ConfirmSubscription"));
        HttpResponse<String> elsewhere = Providers.postSns(port, Providers.subscriptionConfirmation(
                Providers.TOPIC, "https://evil.example/?Action=ConfirmSubscription"));

        assertThat(unknownTopic.statusCode()).isEqualTo(403);
        assertThat(unknownTopic.body()).contains("\"field\":\"TopicArn\"");
        assertThat(overHttp.statusCode()).isEqualTo(403);
        assertThat(overHttp.body()).contains("\"field\":\"SubscribeURL\"");
        assertThat(elsewhere.statusCode()).isEqualTo(403);
    }
}
