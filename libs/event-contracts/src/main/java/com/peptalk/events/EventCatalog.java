package com.peptalk.events;

import com.peptalk.events.automation.TriggerFired;
import com.peptalk.events.automation.WorkflowRunFinished;
import com.peptalk.events.automation.WorkflowUpserted;
import com.peptalk.events.comms.DeliveryAccepted;
import com.peptalk.events.comms.DeliveryAttempted;
import com.peptalk.events.comms.DeliveryFailed;
import com.peptalk.events.comms.DeliverySuppressed;
import com.peptalk.events.comms.FallbackStarted;
import com.peptalk.events.comms.MessageStatusReported;
import com.peptalk.events.comms.RecipientOptedIn;
import com.peptalk.events.comms.RecipientOptedOut;
import com.peptalk.events.comms.SendRequested;
import com.peptalk.events.directory.CompanyDeleted;
import com.peptalk.events.directory.CompanyUpserted;
import com.peptalk.events.directory.ProjectDeleted;
import com.peptalk.events.directory.ProjectGroupDeleted;
import com.peptalk.events.directory.ProjectGroupMembershipChanged;
import com.peptalk.events.directory.ProjectGroupUpserted;
import com.peptalk.events.directory.ProjectUpserted;
import com.peptalk.events.directory.UserDeleted;
import com.peptalk.events.directory.UserUpserted;
import com.peptalk.events.kiosk.KioskHeartbeatReceived;
import com.peptalk.events.kiosk.KioskStatusChanged;
import com.peptalk.events.procore.ProcoreResourceChanged;
import com.peptalk.events.tokens.ApiTokenIssued;
import com.peptalk.events.tokens.ApiTokenRevoked;
import com.peptalk.events.tokens.ApiTokenRotated;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every event type of the platform: its CloudEvents {@code ce_type}, its record class and its topic. A type
 * name carries a version suffix; a change that breaks readers gets a new type, never an edited one.
 */
public final class EventCatalog {

    /** One kind of event. */
    public record EventType(String name, Class<? extends DomainEvent> eventClass, String topic) {
    }

    private static final List<EventType> TYPES = List.of(
            type(Topics.DIRECTORY, "directory.company-upserted", CompanyUpserted.class),
            type(Topics.DIRECTORY, "directory.company-deleted", CompanyDeleted.class),
            type(Topics.DIRECTORY, "directory.project-upserted", ProjectUpserted.class),
            type(Topics.DIRECTORY, "directory.project-deleted", ProjectDeleted.class),
            type(Topics.DIRECTORY, "directory.project-group-upserted", ProjectGroupUpserted.class),
            type(Topics.DIRECTORY, "directory.project-group-deleted", ProjectGroupDeleted.class),
            type(Topics.DIRECTORY, "directory.project-group-membership-changed",
                    ProjectGroupMembershipChanged.class),
            type(Topics.DIRECTORY, "directory.user-upserted", UserUpserted.class),
            type(Topics.DIRECTORY, "directory.user-deleted", UserDeleted.class),
            type(Topics.TOKENS, "token.issued", ApiTokenIssued.class),
            type(Topics.TOKENS, "token.rotated", ApiTokenRotated.class),
            type(Topics.TOKENS, "token.revoked", ApiTokenRevoked.class),
            type(Topics.AUTOMATION_TRIGGERS, "automation.trigger-fired", TriggerFired.class),
            type(Topics.WORKFLOW_EVENTS, "automation.workflow-upserted", WorkflowUpserted.class),
            type(Topics.WORKFLOW_EVENTS, "automation.workflow-run-finished", WorkflowRunFinished.class),
            type(Topics.SEND_REQUESTED, "comms.send-requested", SendRequested.class),
            type(Topics.DELIVERY_EVENTS, "comms.delivery-attempted", DeliveryAttempted.class),
            type(Topics.DELIVERY_EVENTS, "comms.delivery-accepted", DeliveryAccepted.class),
            type(Topics.DELIVERY_EVENTS, "comms.delivery-failed", DeliveryFailed.class),
            type(Topics.DELIVERY_EVENTS, "comms.fallback-started", FallbackStarted.class),
            type(Topics.DELIVERY_EVENTS, "comms.delivery-suppressed", DeliverySuppressed.class),
            type(Topics.STATUS_EVENTS, "comms.message-status-reported", MessageStatusReported.class),
            type(Topics.STATUS_EVENTS, "comms.recipient-opted-out", RecipientOptedOut.class),
            type(Topics.STATUS_EVENTS, "comms.recipient-opted-in", RecipientOptedIn.class),
            type(Topics.PROCORE_WEBHOOK_EVENTS, "procore.resource-changed", ProcoreResourceChanged.class),
            type(Topics.KIOSK_HEARTBEATS, "kiosk.heartbeat-received", KioskHeartbeatReceived.class),
            type(Topics.KIOSK_STATUS_CHANGES, "kiosk.status-changed", KioskStatusChanged.class));

    private static final Map<String, EventType> BY_NAME = TYPES.stream()
            .collect(Collectors.toUnmodifiableMap(EventType::name, Function.identity()));

    private static final Map<Class<?>, EventType> BY_CLASS = TYPES.stream()
            .collect(Collectors.toUnmodifiableMap(EventType::eventClass, Function.identity()));

    public static List<EventType> all() {
        return TYPES;
    }

    public static Optional<EventType> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static EventType of(Class<? extends DomainEvent> eventClass) {
        EventType type = BY_CLASS.get(eventClass);
        if (type == null) {
            throw new IllegalArgumentException(eventClass.getName() + " is not in the event catalog");
        }
        return type;
    }

    private static EventType type(String topic, String name, Class<? extends DomainEvent> eventClass) {
        return new EventType("com.peptalk." + name + ".v1", eventClass, topic);
    }

    private EventCatalog() {
    }
}
