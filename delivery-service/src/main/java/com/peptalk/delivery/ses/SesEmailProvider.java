package com.peptalk.delivery.ses;

import com.peptalk.delivery.messages.DeliveryProperties;
import com.peptalk.delivery.sending.ChannelProvider;
import com.peptalk.delivery.sending.OutgoingMessage;
import com.peptalk.delivery.sending.ProviderAnswer;
import com.peptalk.delivery.sending.ProviderFailure;
import com.peptalk.events.comms.Channel;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.AccountSuspendedException;
import software.amazon.awssdk.services.sesv2.model.Body;
import software.amazon.awssdk.services.sesv2.model.Content;
import software.amazon.awssdk.services.sesv2.model.EmailContent;
import software.amazon.awssdk.services.sesv2.model.MailFromDomainNotVerifiedException;
import software.amazon.awssdk.services.sesv2.model.Message;
import software.amazon.awssdk.services.sesv2.model.MessageHeader;
import software.amazon.awssdk.services.sesv2.model.MessageTag;
import software.amazon.awssdk.services.sesv2.model.NotFoundException;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;
import software.amazon.awssdk.services.sesv2.model.SendEmailResponse;
import software.amazon.awssdk.services.sesv2.model.SendingPausedException;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Email through SES v2 {@code SendEmail} (AWS SES API v2 reference): simple content with HTML and text parts, the
 * configuration set whose SNS destination reports to tracking, {@code EmailTags} {@code message_id} (and
 * {@code workflow_run_id}) that come back in every SES event, and, when tracking provides the URL, the RFC 8058
 * headers {@code List-Unsubscribe} and {@code List-Unsubscribe-Post: List-Unsubscribe=One-Click}.
 * <p>
 * Throttling ({@code TooManyRequestsException}, 429), 5xx answers and timeouts are transient; an account that is
 * suspended or paused, an unverified MAIL FROM domain or a missing configuration set are configuration problems;
 * everything else SES refuses (e.g. {@code MessageRejected}) is permanent.
 */
class SesEmailProvider implements ChannelProvider {

    private static final Id ID = new Id("ses", Channel.EMAIL, false);

    /** The SES tag that carries our message id (SES tag names: letters, digits, {@code _} and {@code -}). */
    static final String MESSAGE_ID_TAG = "message_id";
    static final String RUN_ID_TAG = "workflow_run_id";

    private final SesV2Client ses;
    private final SesProperties settings;
    private final DeliveryProperties delivery;
    private final TrackingLinks links;

    SesEmailProvider(SesV2Client ses, SesProperties settings, DeliveryProperties delivery, TrackingLinks links) {
        this.ses = ses;
        this.settings = settings;
        this.delivery = delivery;
        this.links = links;
    }

    @Override
    public Id id() {
        return ID;
    }

    @Override
    public ProviderAnswer send(OutgoingMessage message) {
        SendEmailRequest request = request(message);
        Map<String, Object> summary = summary(request);
        try {
            SendEmailResponse response = ses.sendEmail(request);
            return new ProviderAnswer(response.messageId(), summary,
                    Map.of("status", response.sdkHttpResponse().statusCode(), "MessageId", response.messageId()));
        }
        catch (SesV2Exception refused) {
            throw classify(refused, summary);
        }
        catch (SdkClientException unreachable) {
            // timeouts and I/O errors: no answer from SES, so trying again later may work
            throw new ProviderFailure(ProviderFailure.Kind.TRANSIENT, "timeout",
                    "no answer from SES: " + unreachable.getClass().getSimpleName(), summary);
        }
    }

    SendEmailRequest request(OutgoingMessage message) {
        List<MessageHeader> headers = new ArrayList<>();
        Optional<URI> unsubscribe = links.oneClickUnsubscribe(message.messageId(), message.address());
        unsubscribe.ifPresent(url -> {
            headers.add(MessageHeader.builder().name("List-Unsubscribe").value("<" + url + ">").build());
            headers.add(MessageHeader.builder().name("List-Unsubscribe-Post").value("List-Unsubscribe=One-Click").build());
        });
        List<MessageTag> tags = new ArrayList<>();
        tags.add(MessageTag.builder().name(MESSAGE_ID_TAG).value(message.messageId().toString()).build());
        if (message.runId() != null) {
            tags.add(MessageTag.builder().name(RUN_ID_TAG).value(message.runId().toString()).build());
        }
        Body.Builder body = Body.builder().text(utf8(message.text()));
        if (message.html() != null) {
            body.html(utf8(links.track(message.messageId(), message.html())));
        }
        return SendEmailRequest.builder()
                .fromEmailAddress(delivery.emailFrom())
                .destination(destination -> destination.toAddresses(message.address()))
                .content(EmailContent.builder().simple(Message.builder()
                        .subject(utf8(message.subject()))
                        .body(body.build())
                        .headers(headers)
                        .build()).build())
                .configurationSetName(settings.configurationSet())
                .emailTags(tags)
                .build();
    }

    private static Content utf8(String data) {
        return Content.builder().charset("UTF-8").data(data == null ? "" : data).build();
    }

    private Map<String, Object> summary(SendEmailRequest request) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("operation", "SendEmail");
        summary.put("from", request.fromEmailAddress());
        summary.put("to", request.destination().toAddresses());
        summary.put("configurationSet", request.configurationSetName());
        summary.put("subject", request.content().simple().subject().data());
        summary.put("headers", request.content().simple().headers().stream().map(MessageHeader::name).toList());
        summary.put("tags", request.emailTags().stream().map(MessageTag::name).toList());
        return summary;
    }

    private static ProviderFailure classify(SesV2Exception refused, Map<String, Object> summary) {
        int status = refused.statusCode();
        String code = refused.awsErrorDetails() == null ? "status-" + status : refused.awsErrorDetails().errorCode();
        String reason = "SES refused SendEmail with " + status + " " + code;
        ProviderFailure.Kind kind;
        if (status == 429 || status >= 500) {
            kind = ProviderFailure.Kind.TRANSIENT;
        }
        else if (refused instanceof AccountSuspendedException || refused instanceof SendingPausedException
                || refused instanceof MailFromDomainNotVerifiedException || refused instanceof NotFoundException
                || status == 403) {
            kind = ProviderFailure.Kind.CONFIGURATION;
        }
        else {
            kind = ProviderFailure.Kind.PERMANENT;
        }
        return new ProviderFailure(kind, code, reason, summary);
    }
}
