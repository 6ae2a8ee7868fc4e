package com.peptalk.events;

import java.util.List;

/** The Kafka topics of the platform (DESIGN.md §3). Each has a {@code <topic>.DLT} dead-letter twin. */
public final class Topics {

    public static final String DIRECTORY = "directory.events";
    public static final String TOKENS = "token.events";
    public static final String AUTOMATION_TRIGGERS = "automation.triggers";
    public static final String WORKFLOW_EVENTS = "automation.workflow-events";
    public static final String SEND_REQUESTED = "comms.send-requested";
    public static final String DELIVERY_EVENTS = "comms.delivery-events";
    public static final String STATUS_EVENTS = "comms.status-events";
    public static final String PROCORE_WEBHOOK_EVENTS = "procore.webhook-events";
    public static final String KIOSK_HEARTBEATS = "kiosk.heartbeats";
    public static final String KIOSK_STATUS_CHANGES = "kiosk.status-changes";

    public static final String DEAD_LETTER_SUFFIX = ".DLT";

    public static final List<String> ALL = List.of(DIRECTORY, TOKENS, AUTOMATION_TRIGGERS, WORKFLOW_EVENTS, SEND_REQUESTED,
            DELIVERY_EVENTS, STATUS_EVENTS, PROCORE_WEBHOOK_EVENTS, KIOSK_HEARTBEATS, KIOSK_STATUS_CHANGES);

    public static String deadLetterOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }

    private Topics() {
    }
}
