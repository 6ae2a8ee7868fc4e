package com.peptalk.events;

import com.peptalk.events.automation.TriggerFired;
import com.peptalk.events.automation.WorkflowRunFinished;
import com.peptalk.events.automation.WorkflowUpserted;
import com.peptalk.events.comms.Channel;
import com.peptalk.events.comms.DeliveryAccepted;
import com.peptalk.events.comms.DeliveryAttempted;
import com.peptalk.events.comms.DeliveryFailed;
import com.peptalk.events.comms.DeliverySuppressed;
import com.peptalk.events.comms.FallbackStarted;
import com.peptalk.events.comms.MessageStatus;
import com.peptalk.events.comms.MessageStatusReported;
import com.peptalk.events.comms.RecipientOptedIn;
import com.peptalk.events.comms.RecipientOptedOut;
import com.peptalk.events.comms.Recipient;
import com.peptalk.events.comms.RenderedContent;
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
import com.peptalk.events.kiosk.KioskStatus;
import com.peptalk.events.kiosk.KioskStatusChanged;
import com.peptalk.events.procore.ProcoreResourceChanged;
import com.peptalk.events.tokens.ApiTokenIssued;
import com.peptalk.events.tokens.ApiTokenRevoked;
import com.peptalk.events.tokens.ApiTokenRotated;
import com.peptalk.events.tokens.ApiTokenType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One realistic instance of every event type: the samples checked in under {@code docs/events/}. */
final class EventSamples {

    static final Instant AT = Instant.parse("2026-11-22T08:30:00Z");
    static final UUID MESSAGE = UUID.fromString("0b6f5d8e-2a43-4c1e-9d0f-5b7a9c3e1f20");
    static final UUID TOKEN = UUID.fromString("5c1d7e2a-8b34-4f6a-a1c9-3e0d2b4f6a81");

    static List<DomainEvent> all() {
        return List.of(
                new CompanyUpserted(7, "Acme Builders", "active"),
                new CompanyDeleted(7),
                new ProjectUpserted(42, 7, "Riverside Tower", "active", "America/Chicago",
                        LocalDate.of(2026, 3, 1), LocalDate.of(2027, 9, 30)),
                new ProjectDeleted(42, 7),
                new ProjectGroupUpserted(3, 7, "Texas sites", List.of(42L, 43L)),
                new ProjectGroupDeleted(3, 7),
                new ProjectGroupMembershipChanged(3, 7, List.of(44L), List.of(43L), List.of(42L, 44L)),
                new UserUpserted(11, 7, "Dana Reyes", "dana.reyes@example.com", "admin"),
                new UserDeleted(11, 7),
                new ApiTokenIssued(TOKEN, ApiTokenType.PROJECT_GROUP, "ProjectGroup", 3, 7, null),
                new ApiTokenRotated(TOKEN, UUID.fromString("9e8d7c6b-5a49-4382-b1a0-f9e8d7c6b5a4"),
                        ApiTokenType.PROJECT, "Project", 42, AT.plusSeconds(86_400)),
                new ApiTokenRevoked(TOKEN, ApiTokenType.PROJECT, "Project", 42),
                new TriggerFired(UUID.fromString("1f2e3d4c-5b6a-4798-8a9b-0c1d2e3f4a5b"),
                        "procore.observations.create", 42, Map.of("observationId", 5501, "title", "Missing guardrail")),
                new WorkflowUpserted(UUID.fromString("3b4c5d6e-7f80-4912-a3b4-c5d6e7f8091a"), 7,
                        "Observation alerts", "active", List.of(42L, 43L)),
                new WorkflowRunFinished(UUID.fromString("2a3b4c5d-6e7f-4809-9a1b-2c3d4e5f6a7b"),
                        UUID.fromString("3b4c5d6e-7f80-4912-a3b4-c5d6e7f8091a"), "Observation alerts", List.of(42L),
                        "procore.observations.create", "completed", 3, AT, AT.plusSeconds(2)),
                new SendRequested(MESSAGE, UUID.fromString("2a3b4c5d-6e7f-4809-9a1b-2c3d4e5f6a7b"),
                        UUID.fromString("3b4c5d6e-7f80-4912-a3b4-c5d6e7f8091a"),
                        new Recipient(901, "Sam Ortiz", "sam.ortiz@example.com", "+15005550006"), Channel.EMAIL,
                        Channel.SMS, new RenderedContent("Safety observation on Riverside Tower",
                                "<p>A new observation needs you.</p>", "A new observation needs you.",
                                "Peptalk: a new observation on Riverside Tower needs you."),
                        List.of(42L), null),
                new DeliveryAttempted(MESSAGE, 1, Channel.EMAIL, "ses"),
                new DeliveryAccepted(MESSAGE, 1, Channel.EMAIL, "ses", "0100019a-ses-message-id"),
                new DeliveryFailed(MESSAGE, 1, Channel.EMAIL, "ses", "MessageRejected: address blacklisted", true),
                new FallbackStarted(MESSAGE, Channel.EMAIL, Channel.SMS, "bounced"),
                new DeliverySuppressed(MESSAGE, Channel.EMAIL, "hard bounce on 2026-11-01"),
                new MessageStatusReported(MESSAGE, Channel.EMAIL, "ses", "0100019a-ses-message-id",
                        MessageStatus.BOUNCED, AT, "Permanent/General: 550 5.1.1 user unknown",
                        "bounce@simulator.amazonses.com", true, "General"),
                new RecipientOptedOut(Channel.SMS, "+15005550006", "twilio-inbound", "STOP", AT),
                new RecipientOptedIn(Channel.SMS, "+15005550006", "twilio-inbound", "START", AT),
                new ProcoreResourceChanged("01JDX2Y3Z4A5B6C7D8E9F0G1H2", 7, 42L, "Observations", 5501, "create", AT),
                new KioskHeartbeatReceived("kiosk-riverside-gate-1", 42, AT, "3.4.1", 87, "wifi", 3),
                new KioskStatusChanged("kiosk-riverside-gate-1", 42, KioskStatus.ONLINE, KioskStatus.LATE, AT));
    }

    /** The envelope of a sample: fixed, so the checked-in files are stable. */
    static EventEnvelope envelope(DomainEvent event) {
        return new EventEnvelope(UUID.nameUUIDFromBytes(EventCatalog.of(event.getClass()).name().getBytes()),
                EventCatalog.of(event.getClass()).name(), java.net.URI.create("/sample-service"), AT,
                event.aggregateId(), EventEnvelope.SPEC_VERSION);
    }

    private EventSamples() {
    }
}
