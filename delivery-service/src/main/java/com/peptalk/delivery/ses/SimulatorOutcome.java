package com.peptalk.delivery.ses;

import java.util.List;
import java.util.Locale;

/**
 * What the SES mailbox simulator does with a message to each of its addresses (a {@code +label} before the
 * {@code @} is allowed, as SES allows it); any other address is delivered.
 */
enum SimulatorOutcome {
    /** {@code success@simulator.amazonses.com}: delivered. */
    DELIVERED(List.of("Send", "Delivery")),
    /** {@code bounce@}: a hard bounce (Permanent, General). */
    BOUNCED(List.of("Send", "Bounce")),
    /** {@code ooto@}: delivered; the out-of-office reply goes to the sender, it is not an SES event. */
    OUT_OF_OFFICE(List.of("Send", "Delivery")),
    /** {@code complaint@}: delivered, then the recipient marks it as spam. */
    COMPLAINED(List.of("Send", "Delivery", "Complaint")),
    /** {@code suppressionlist@}: on the account's suppression list, a hard bounce (Permanent, OnAccountSuppressionList). */
    SUPPRESSION_LIST(List.of("Send", "Bounce"));

    private static final String SIMULATOR = "@simulator.amazonses.com";

    private final List<String> eventTypes;

    SimulatorOutcome(List<String> eventTypes) {
        this.eventTypes = eventTypes;
    }

    /** The SES event types ({@code eventType} of the event JSON) this outcome produces, in order. */
    List<String> eventTypes() {
        return eventTypes;
    }

    static SimulatorOutcome of(String address) {
        String lower = address.toLowerCase(Locale.ROOT);
        if (!lower.endsWith(SIMULATOR)) {
            return DELIVERED;
        }
        String local = lower.substring(0, lower.length() - SIMULATOR.length()).replaceFirst("\\+.*$", "");
        return switch (local) {
            case "bounce" -> BOUNCED;
            case "ooto" -> OUT_OF_OFFICE;
            case "complaint" -> COMPLAINED;
            case "suppressionlist" -> SUPPRESSION_LIST;
            default -> DELIVERED;
        };
    }
}
