package com.peptalk.delivery.twilio;

import com.peptalk.delivery.messages.DeliveryProperties;
import com.peptalk.delivery.sending.ChannelProvider;
import com.peptalk.delivery.sending.OutgoingMessage;
import com.peptalk.delivery.sending.ProviderAnswer;
import com.peptalk.delivery.sending.ProviderFailure;
import com.peptalk.delivery.sending.SandboxCallbacks;
import com.peptalk.events.comms.Channel;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Twilio without Twilio, by its test credentials' magic numbers (Twilio docs, "Test credentials"): a message to
 * {@code +15005550001} is refused with 21211 (invalid number), {@code +15005550002} with 21612 (cannot route),
 * {@code +15005550003} with 21408 (no permission for the region), {@code +15005550004} with 21610 (opted out),
 * {@code +15005550009} with 21614 (not a mobile number); any other number is accepted and then reported
 * {@code sent} and {@code delivered} through status callbacks signed with the configured auth token.
 */
@Component
class SandboxTwilio implements ChannelProvider {

    private static final Id ID = new Id("twilio", Channel.SMS, true);

    private static final Map<String, Refusal> MAGIC = Map.of(
            "+15005550001", new Refusal(TwilioErrors.INVALID_TO, "The 'To' number %s is not a valid phone number."),
            "+15005550002", new Refusal(21612, "The 'To' phone number: %s, is not currently reachable using the 'From' phone number via SMS."),
            "+15005550003", new Refusal(21408, "Permission to send an SMS has not been enabled for the region indicated by the 'To' number: %s."),
            "+15005550004", new Refusal(TwilioErrors.OPTED_OUT, "Attempt to send to unsubscribed recipient %s"),
            "+15005550009", new Refusal(TwilioErrors.NOT_MOBILE, "To number: %s, is not a mobile number"));

    private final SandboxCallbacks callbacks;
    private final TwilioProperties settings;
    private final DeliveryProperties delivery;

    SandboxTwilio(SandboxCallbacks callbacks, TwilioProperties settings, DeliveryProperties delivery) {
        this.callbacks = callbacks;
        this.settings = settings;
        this.delivery = delivery;
    }

    @Override
    public Id id() {
        return ID;
    }

    @Override
    public ProviderAnswer send(OutgoingMessage message) {
        URI callback = settings.statusCallback(message.messageId());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("operation", "CreateMessage");
        summary.put("to", message.address());
        summary.put("from", delivery.smsFrom());
        summary.put("statusCallback", callback.toString());
        summary.put("sandbox", true);
        Refusal refusal = MAGIC.get(message.address());
        if (refusal != null) {
            throw new ProviderFailure(TwilioErrors.kind(400, refusal.code()), String.valueOf(refusal.code()),
                    "Twilio refused the message: " + refusal.code() + " " + refusal.message().formatted(message.address()),
                    summary);
        }
        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
        callbacks.postLater(List.of(statusCallback(callback, sid, message.address(), "sent"),
                statusCallback(callback, sid, message.address(), "delivered")));
        return new ProviderAnswer(sid, summary, Map.of("sid", sid, "status", "queued"));
    }

    /** A status callback as Twilio posts it: form fields, signed over the exact StatusCallback URL. */
    SandboxCallbacks.Callback statusCallback(URI callback, String sid, String to, String status) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("SmsSid", sid);
        form.put("SmsStatus", status);
        form.put("MessageStatus", status);
        form.put("To", to);
        form.put("MessageSid", sid);
        form.put("AccountSid", settings.accountSid());
        form.put("From", delivery.smsFrom());
        form.put("ApiVersion", "2010-04-01");
        String body = form.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return new SandboxCallbacks.Callback(callback, "application/x-www-form-urlencoded", body,
                Map.of("X-Twilio-Signature", TwilioSignature.of(settings.authToken(), callback.toString(), form),
                        "User-Agent", "TwilioProxy/1.1"));
    }

    private record Refusal(int code, String message) {
    }
}
