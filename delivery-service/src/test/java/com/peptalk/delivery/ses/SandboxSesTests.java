package com.peptalk.delivery.ses;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.peptalk.delivery.ProviderFakes;
import com.peptalk.delivery.sending.OutgoingMessage;
import com.peptalk.delivery.sending.ProviderAnswer;
import com.peptalk.events.comms.Channel;
import com.peptalk.testsupport.ServiceTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sandbox SES: the mailbox simulator's outcomes, posted to the gateway (WireMock here) as SNS notifications
 * that verify with the sandbox certificate exactly as SNS's own do (SignatureVersion 2, SHA256withRSA).
 */
@ServiceTest
class SandboxSesTests {

    private static final String GATEWAY_SES = "/gateway/webhooks/ses";

    @Autowired
    SandboxSes ses;
    @Autowired
    JsonMapper json;

    @BeforeAll
    static void gateway() {
        ProviderFakes.wiremock().stubFor(post(urlEqualTo(GATEWAY_SES)).willReturn(aResponse().withStatus(200)));
    }

    @Test
    void aBounceToTheSimulatorComesBackAsASignedSnsNotificationCarryingOurMessageId() throws Exception {
        OutgoingMessage message = email("bounce@simulator.amazonses.com");

        ProviderAnswer answer = ses.send(message);

        List<JsonNode> events = awaitEvents(message.messageId(), 2);
        JsonNode bounce = events.stream().filter(event -> event.get("eventType").asString().equals("Bounce")).findFirst().orElseThrow();
        assertThat(bounce.at("/bounce/bounceType").asString()).isEqualTo("Permanent");
        assertThat(bounce.at("/bounce/bounceSubType").asString()).isEqualTo("General");
        assertThat(bounce.at("/bounce/bouncedRecipients/0/emailAddress").asString()).isEqualTo("bounce@simulator.amazonses.com");
        assertThat(bounce.at("/mail/messageId").asString()).isEqualTo(answer.providerMessageId());
        assertThat(bounce.at("/mail/tags/ses:configuration-set/0").asString()).isEqualTo("peptalk-events");
    }

    @Test
    void eachSimulatorAddressHasItsOutcome() {
        assertThat(SimulatorOutcome.of("success@simulator.amazonses.com").eventTypes()).containsExactly("Send", "Delivery");
        assertThat(SimulatorOutcome.of("bounce+label@simulator.amazonses.com")).isEqualTo(SimulatorOutcome.BOUNCED);
        assertThat(SimulatorOutcome.of("ooto@simulator.amazonses.com").eventTypes()).containsExactly("Send", "Delivery");
        assertThat(SimulatorOutcome.of("complaint@simulator.amazonses.com").eventTypes()).containsExactly("Send", "Delivery", "Complaint");
        assertThat(SimulatorOutcome.of("suppressionlist@simulator.amazonses.com")).isEqualTo(SimulatorOutcome.SUPPRESSION_LIST);
        assertThat(SimulatorOutcome.of("someone@example.com")).isEqualTo(SimulatorOutcome.DELIVERED);
    }

    @Test
    void aComplaintComesAfterTheDelivery() throws Exception {
        OutgoingMessage message = email("complaint@simulator.amazonses.com");

        ses.send(message);

        List<JsonNode> events = awaitEvents(message.messageId(), 3);
        assertThat(events).extracting(event -> event.get("eventType").asString())
                .containsExactlyInAnyOrder("Send", "Delivery", "Complaint");
        JsonNode complaint = events.stream().filter(event -> event.has("complaint")).findFirst().orElseThrow();
        assertThat(complaint.at("/complaint/complainedRecipients/0/emailAddress").asString())
                .isEqualTo("complaint@simulator.amazonses.com");
    }

    private List<JsonNode> awaitEvents(UUID messageId, int count) throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> posted(messageId).size() >= count);
        X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                new ByteArrayInputStream(Files.readAllBytes(Path.of("src/test/resources/sandbox/sns-test-cert.pem"))));
        List<JsonNode> events = new java.util.ArrayList<>();
        for (LoggedRequest request : posted(messageId)) {
            JsonNode envelope = json.readTree(request.getBodyAsString());
            assertThat(request.getHeader("x-amz-sns-message-type")).isEqualTo("Notification");
            assertThat(request.getHeader("Content-Type")).startsWith("text/plain");
            assertThat(envelope.get("Type").asString()).isEqualTo("Notification");
            assertThat(envelope.get("SignatureVersion").asString()).isEqualTo("2");
            assertThat(envelope.get("TopicArn").asString()).isEqualTo("arn:aws:sns:us-east-1:000000000000:peptalk-ses-events");
            assertThat(envelope.get("SigningCertURL").asString())
                    .isEqualTo("https://sns.us-east-1.amazonaws.com/SimpleNotificationService-peptalk-sandbox.pem");
            // the canonical string as SNS documents it, rebuilt here independently of the signer
            Map<String, String> fields = new LinkedHashMap<>();
            for (String name : new String[] { "Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type" }) {
                if (envelope.has(name)) {
                    fields.put(name, envelope.get(name).asString());
                }
            }
            StringBuilder canonical = new StringBuilder();
            fields.forEach((name, value) -> canonical.append(name).append('\n').append(value).append('\n'));
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(canonical.toString().getBytes(StandardCharsets.UTF_8));
            assertThat(verifier.verify(Base64.getDecoder().decode(envelope.get("Signature").asString()))).isTrue();
            events.add(json.readTree(envelope.get("Message").asString()));
        }
        return events;
    }

    private static List<LoggedRequest> posted(UUID messageId) {
        return ProviderFakes.wiremock().findAll(postRequestedFor(urlEqualTo(GATEWAY_SES))
                .withRequestBody(containing(messageId.toString())));
    }

    private static OutgoingMessage email(String address) {
        return new OutgoingMessage(UUID.randomUUID(), UUID.randomUUID(), Channel.EMAIL, address, "Hello", "<p>Hi</p>", "Hi");
    }
}
