package com.peptalk.delivery.twilio;

import com.peptalk.delivery.messages.DeliveryProperties;
import com.peptalk.delivery.sending.ChannelProvider;
import com.peptalk.delivery.sending.OutgoingMessage;
import com.peptalk.delivery.sending.ProviderAnswer;
import com.peptalk.delivery.sending.ProviderFailure;
import com.peptalk.events.comms.Channel;
import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SMS through Twilio's Create a Message resource ({@code POST /2010-04-01/Accounts/{AccountSid}/Messages.json}),
 * from {@code peptalk.delivery.sms-from} or a messaging service, with {@code StatusCallback} carrying our message id
 * so tracking links each status callback to the message without a lookup. Twilio's error answers
 * ({@code {"code", "message", "more_info", "status"}}) are classified by {@link TwilioErrors}.
 */
class TwilioSmsProvider implements ChannelProvider {

    private static final Id ID = new Id("twilio", Channel.SMS, false);

    private final TwilioRestClient twilio;
    private final TwilioProperties settings;
    private final DeliveryProperties delivery;

    TwilioSmsProvider(TwilioRestClient twilio, TwilioProperties settings, DeliveryProperties delivery) {
        this.twilio = twilio;
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
        PhoneNumber to = new PhoneNumber(message.address());
        MessageCreator creator = settings.messagingServiceSid() == null
                ? Message.creator(to, new PhoneNumber(delivery.smsFrom()), message.text())
                : Message.creator(to, settings.messagingServiceSid(), message.text());
        Map<String, Object> summary = summary(message, callback);
        try {
            Message created = creator.setStatusCallback(callback).create(twilio);
            return new ProviderAnswer(created.getSid(), summary, Map.of("sid", created.getSid(),
                    "status", String.valueOf(created.getStatus())));
        }
        catch (ApiException refused) {
            Integer code = refused.getCode();
            ProviderFailure.Kind kind = TwilioErrors.kind(refused.getStatusCode(), code);
            String reason = code != null && code == TwilioErrors.TRIAL_UNVERIFIED
                    ? "Twilio trial account: " + message.address() + " is not a verified number (21608); verify it or upgrade the account"
                    : "Twilio refused the message: " + (code == null ? "HTTP " + refused.getStatusCode() : code) + " "
                            + refused.getMessage();
            throw new ProviderFailure(kind, code == null ? "status-" + refused.getStatusCode() : String.valueOf(code),
                    reason, summary);
        }
        catch (TwilioException unreachable) {
            // ApiConnectionException: a timeout or I/O error, no answer from Twilio
            throw new ProviderFailure(ProviderFailure.Kind.TRANSIENT, "timeout",
                    "no answer from Twilio: " + unreachable.getClass().getSimpleName(), summary);
        }
    }

    private Map<String, Object> summary(OutgoingMessage message, URI callback) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("operation", "CreateMessage");
        summary.put("to", message.address());
        if (settings.messagingServiceSid() == null) {
            summary.put("from", delivery.smsFrom());
        }
        else {
            summary.put("messagingServiceSid", settings.messagingServiceSid());
        }
        summary.put("statusCallback", callback.toString());
        summary.put("bodyLength", message.text() == null ? 0 : message.text().length());
        return summary;
    }
}
