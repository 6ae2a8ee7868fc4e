package com.peptalk.tracking.twilio;

import com.peptalk.events.comms.Channel;
import com.peptalk.events.comms.MessageStatus;
import com.peptalk.events.comms.MessageStatusReported;
import com.peptalk.tracking.webhooklog.InboundRequest;
import com.peptalk.tracking.webhooklog.Reception;
import com.peptalk.web.problem.ProblemType;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Twilio's message status callbacks ({@code /webhooks/twilio/status?message_id=<uuid>}, the StatusCallback URL
 * delivery-service sets): signature checked, de-duplicated by MessageSid and status, mapped to our statuses.
 *
 * <table>
 * <tr><th>MessageStatus</th><th>published</th></tr>
 * <tr><td>accepted, scheduled, queued, sending</td><td>nothing (still on Twilio's side; logged)</td></tr>
 * <tr><td>sent</td><td>SENT</td></tr>
 * <tr><td>delivered</td><td>DELIVERED</td></tr>
 * <tr><td>undelivered</td><td>UNDELIVERED, with ErrorCode</td></tr>
 * <tr><td>failed</td><td>FAILED, with ErrorCode</td></tr>
 * <tr><td>read</td><td>OPENED</td></tr>
 * </table>
 * {@code permanent} is set for the ErrorCodes that will not change on a retry to the same number: 21211 (invalid
 * 'To'), 21610 (the recipient replied STOP), 21614 (not a mobile number), 30005 (unknown handset), 30006 (landline or
 * unreachable carrier).
 */
@Component
class TwilioStatusCallbacks extends SignedTwilioWebhook {

    static final String PROVIDER = "twilio";
    static final Set<String> PERMANENT_ERRORS = Set.of("21211", "21610", "21614", "30005", "30006");

    private static final Map<String, MessageStatus> STATUSES = Map.of("sent", MessageStatus.SENT,
            "delivered", MessageStatus.DELIVERED, "undelivered", MessageStatus.UNDELIVERED,
            "failed", MessageStatus.FAILED, "read", MessageStatus.OPENED);
    private static final Set<String> PENDING = Set.of("accepted", "scheduled", "queued", "sending", "receiving", "received");

    TwilioStatusCallbacks(TwilioSignature signature, Clock clock) {
        super(PROVIDER, "/webhooks/twilio/status", signature, clock);
    }

    @Override
    Reception receiveSigned(InboundRequest request) {
        String messageId = request.queryParameters().get("message_id");
        UUID id;
        try {
            id = messageId == null ? null : UUID.fromString(messageId);
        } catch (IllegalArgumentException e) {
            id = null;
        }
        if (id == null) {
            return Reception.refused(ProblemType.VALIDATION, "message_id", "message_id must be our message's UUID");
        }
        Map<String, String> form = request.formParameters();
        String sid = TwilioSignature.messageSid(form);
        String status = form.getOrDefault("MessageStatus", form.get("SmsStatus"));
        if (status == null || !(STATUSES.containsKey(status) || PENDING.contains(status))) {
            return Reception.refused(ProblemType.VALIDATION, "MessageStatus", "MessageStatus is not a Twilio message status");
        }
        String receiptKey = sid + ":" + status;
        if (PENDING.contains(status)) {
            return Reception.accepted("Twilio " + status + " of message " + id + "; nothing published", receiptKey, List.of());
        }
        String errorCode = blankToNull(form.get("ErrorCode"));
        MessageStatusReported report = new MessageStatusReported(id, Channel.SMS, PROVIDER, sid, STATUSES.get(status),
                clock.instant(), errorCode == null ? null : "Twilio error " + errorCode, blankToNull(form.get("To")),
                errorCode != null && PERMANENT_ERRORS.contains(errorCode), errorCode);
        return Reception.accepted("Twilio " + status + " of message " + id + ": published " + report.status(), receiptKey, List.of(report));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
