package com.peptalk.tracking.ses;

import com.peptalk.tracking.webhooklog.InboundRequest;
import com.peptalk.tracking.webhooklog.ProviderJson;
import com.peptalk.tracking.webhooklog.Reception;
import com.peptalk.tracking.webhooklog.WebhookProvider;
import com.peptalk.web.problem.ProblemType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;

/**
 * SES events as SNS posts them to {@code /webhooks/ses}: the envelope's signature is verified with a certificate from
 * an allowed place, the topic must be allowed, subscriptions to allowed topics are confirmed by fetching their
 * {@code SubscribeURL}, and a Notification's SES event becomes our events (see {@link SesEvents}). De-duplicated by
 * the SNS {@code MessageId}. Raw message delivery (the SES event without the envelope, which carries no signature) is
 * refused with a problem saying to turn it off.
 */
@Component
class SesNotifications implements WebhookProvider {

    private final SesProperties properties;
    private final SnsCertificates certificates;
    private final SnsHttp http;

    SesNotifications(SesProperties properties, SnsCertificates certificates, SnsHttp http) {
        this.properties = properties;
        this.certificates = certificates;
        this.http = http;
    }

    @Override
    public String name() {
        return SesEvents.PROVIDER;
    }

    @Override
    public List<String> paths() {
        return List.of("/webhooks/ses");
    }

    @Override
    public Reception receive(InboundRequest request) {
        if ("true".equalsIgnoreCase(request.header("x-amz-sns-rawdelivery"))) {
            return Reception.refused(ProblemType.UNAUTHORIZED, "x-amz-sns-rawdelivery",
                    "raw message delivery carries no signature: turn RawMessageDelivery off on the SNS subscription");
        }
        Optional<JsonNode> body = ProviderJson.object(request.body());
        if (body.isEmpty()) {
            return Reception.refused(ProblemType.MALFORMED, null, "the body is not an SNS message (a JSON object)");
        }
        SnsMessage message = new SnsMessage(body.get());
        if (message.signedFields().isEmpty()) {
            return message.field("Type") == null && message.field("Signature") == null && body.get().has("mail")
                    ? Reception.refused(ProblemType.UNAUTHORIZED, "Signature",
                            "an SES event without the SNS envelope carries no signature: turn RawMessageDelivery off on the SNS subscription")
                    : Reception.refused(ProblemType.VALIDATION, "Type", "Type must be Notification, SubscriptionConfirmation or UnsubscribeConfirmation");
        }
        String missing = message.missingField();
        if (missing != null) {
            return Reception.refused(ProblemType.VALIDATION, missing, missing + " is required");
        }
        if (!properties.topicArns().contains(message.field("TopicArn"))) {
            return Reception.refused(ProblemType.FORBIDDEN, "TopicArn", "TopicArn is not an allowed topic");
        }
        if (!List.of("1", "2").contains(message.field("SignatureVersion"))) {
            return Reception.refused(ProblemType.VALIDATION, "SignatureVersion", "SignatureVersion must be 1 or 2");
        }
        SnsCertificates.Result certificate = certificates.certificate(message.field("SigningCertURL"));
        if (certificate.certificate() == null) {
            return Reception.refused(ProblemType.FORBIDDEN, "SigningCertURL", "SigningCertURL refused: " + certificate.refusal());
        }
        if (!message.isSignedBy(certificate.certificate())) {
            return Reception.refused(ProblemType.UNAUTHORIZED, "Signature", "the signature does not verify");
        }
        String receiptKey = message.field("MessageId");
        return switch (message.type()) {
            case SnsMessage.SUBSCRIPTION_CONFIRMATION -> confirm(message, receiptKey);
            case SnsMessage.UNSUBSCRIBE_CONFIRMATION -> Reception.accepted("unsubscribed from the topic; nothing published", receiptKey, List.of());
            default -> notification(message, receiptKey);
        };
    }

    private Reception notification(SnsMessage message, String receiptKey) {
        Optional<JsonNode> event = ProviderJson.object(message.field("Message"));
        if (event.isEmpty()) {
            return Reception.refused(ProblemType.MALFORMED, "Message", "Message is not an SES event (a JSON object)");
        }
        SesEvents.Mapped mapped = SesEvents.map(event.get());
        if (mapped.refusedField() != null) {
            return Reception.refused(ProblemType.VALIDATION, mapped.refusedField(), mapped.outcome());
        }
        return Reception.accepted(mapped.outcome(), receiptKey, mapped.events());
    }

    private Reception confirm(SnsMessage message, String receiptKey) {
        String subscribeUrl = message.field("SubscribeURL");
        String refusal = certificates.subscribeUrlRefusal(subscribeUrl);
        if (refusal != null) {
            return Reception.refused(ProblemType.FORBIDDEN, "SubscribeURL", "SubscribeURL refused: " + refusal);
        }
        try {
            HttpResponse<Void> response = http.client().send(HttpRequest.newBuilder(URI.create(subscribeUrl))
                    .timeout(properties.fetchTimeout()).GET().build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 == 2) {
                return Reception.accepted("subscription confirmed", receiptKey, List.of());
            }
            return Reception.refused(ProblemType.UNAVAILABLE, "SubscribeURL",
                    "confirming the subscription failed (SNS answered " + response.statusCode() + "); replay this entry to try again");
        } catch (IOException e) {
            return Reception.refused(ProblemType.UNAVAILABLE, "SubscribeURL",
                    "confirming the subscription failed (SNS could not be reached); replay this entry to try again");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Reception.refused(ProblemType.UNAVAILABLE, "SubscribeURL", "confirming the subscription was interrupted");
        }
    }
}
