package com.peptalk.tracking.twilio;

import com.peptalk.events.comms.Channel;
import com.peptalk.events.comms.RecipientOptedIn;
import com.peptalk.events.comms.RecipientOptedOut;
import com.peptalk.tracking.webhooklog.InboundRequest;
import com.peptalk.tracking.webhooklog.Reception;
import com.peptalk.web.problem.ProblemType;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Replies to our SMS ({@code /webhooks/twilio/inbound}, the messaging service's incoming-message webhook): signature
 * checked, de-duplicated by MessageSid. Twilio's default opt-out keywords ("Advanced Opt-Out": STOP, STOPALL,
 * UNSUBSCRIBE, CANCEL, END, QUIT, OPTOUT, REVOKE) become {@code RecipientOptedOut}, its opt-in keywords (START, YES,
 * UNSTOP) {@code RecipientOptedIn}; HELP and INFO, and anything else, are logged only. When Twilio says which it was
 * ({@code OptOutType}), that wins. The answer is an empty TwiML {@code <Response/>}: Twilio itself sends the
 * keyword's reply.
 */
@Component
class TwilioInboundMessages extends SignedTwilioWebhook {

    static final String PROVIDER = "twilio-inbound";
    static final Set<String> OPT_OUT = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "OPTOUT", "REVOKE");
    static final Set<String> OPT_IN = Set.of("START", "YES", "UNSTOP");
    static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";

    TwilioInboundMessages(TwilioSignature signature, Clock clock) {
        super(PROVIDER, "/webhooks/twilio/inbound", signature, clock);
    }

    @Override
    Reception receiveSigned(InboundRequest request) {
        Map<String, String> form = request.formParameters();
        String sid = TwilioSignature.messageSid(form);
        String from = form.get("From");
        if (from == null || from.isBlank()) {
            return Reception.refused(ProblemType.VALIDATION, "From", "From is required");
        }
        String keyword = form.getOrDefault("Body", "").strip().toUpperCase(Locale.ROOT);
        String optOutType = form.getOrDefault("OptOutType", "").toUpperCase(Locale.ROOT);
        Map<String, String> twiml = Map.of("Content-Type", "text/xml;charset=UTF-8");
        if (optOutType.equals("STOP") || (optOutType.isEmpty() && OPT_OUT.contains(keyword))) {
            return Reception.answered(200, twiml, EMPTY_TWIML, "opt-out (" + keyword + ") published", sid,
                    List.of(new RecipientOptedOut(Channel.SMS, from, PROVIDER, keyword, clock.instant())));
        }
        if (optOutType.equals("START") || (optOutType.isEmpty() && OPT_IN.contains(keyword))) {
            return Reception.answered(200, twiml, EMPTY_TWIML, "opt-in (" + keyword + ") published", sid,
                    List.of(new RecipientOptedIn(Channel.SMS, from, PROVIDER, keyword, clock.instant())));
        }
        return Reception.answered(200, twiml, EMPTY_TWIML, "an inbound message that is not an opt-out or opt-in keyword; nothing published", sid, List.of());
    }
}
