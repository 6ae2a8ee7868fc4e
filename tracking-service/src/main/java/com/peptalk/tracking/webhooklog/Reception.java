package com.peptalk.tracking.webhooklog;

import com.peptalk.events.DomainEvent;
import com.peptalk.web.problem.ProblemType;

import java.util.List;
import java.util.Map;

/**
 * What a provider made of an inbound request: the answer to give, the outcome to log and the events to publish.
 *
 * @param status the HTTP status to answer
 * @param headers the answer's header fields ({@code Content-Type}, {@code Location}); logged as "response headers"
 * @param body the answer's body, or {@code null}
 * @param outcome what we did, in words for the webhook log (never quoting a secret)
 * @param failure whether the request was refused (the log's "only failures" filter)
 * @param receiptKey the provider's delivery id (SNS MessageId, Twilio MessageSid and status, Procore ulid): a second
 *        request with the same key is answered the same but publishes nothing; {@code null} when there is none
 * @param events what to publish, through the outbox, in the transaction that logs the request
 */
public record Reception(int status, Map<String, String> headers, String body, String outcome, boolean failure,
        String receiptKey, List<DomainEvent> events) {

    public Reception {
        headers = Map.copyOf(headers);
        events = List.copyOf(events);
    }

    /** Accepted: 200 with an empty body. */
    public static Reception accepted(String outcome, String receiptKey, List<? extends DomainEvent> events) {
        return new Reception(200, Map.of(), null, outcome, false, receiptKey, List.copyOf(events));
    }

    /** Accepted with an answer of the provider's own shape (TwiML, a page, an image, a redirect). */
    public static Reception answered(int status, Map<String, String> headers, String body, String outcome,
            String receiptKey, List<? extends DomainEvent> events) {
        return new Reception(status, headers, body, outcome, false, receiptKey, List.copyOf(events));
    }

    /**
     * Refused with an RFC 9457 problem of {@code type}; {@code detail} is our own wording (it is answered, logged and
     * shown on the webhook log page, so it never quotes the input), {@code field} the field it is about or {@code null}.
     */
    public static Reception refused(ProblemType type, String field, String detail) {
        return new Reception(type.status().value(), Map.of("Content-Type", "application/problem+json"),
                ProblemBody.of(type, field, detail), detail, true, null, List.of());
    }

    /** Refused with a page of our own, for the links a person opens in a browser. */
    public static Reception refusedPage(int status, String page, String outcome) {
        return new Reception(status, Map.of("Content-Type", "text/html;charset=UTF-8"), page, outcome, true, null,
                List.of());
    }

    /** The same answer, logged as a duplicate of an earlier delivery: nothing is published again. */
    Reception asDuplicate() {
        return new Reception(status, headers, body, "duplicate of an earlier delivery (" + receiptKey
                + "); nothing published", false, receiptKey, List.of());
    }
}
