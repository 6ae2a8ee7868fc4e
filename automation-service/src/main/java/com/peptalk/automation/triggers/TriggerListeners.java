package com.peptalk.automation.triggers;

import com.peptalk.automation.runs.RunCause;
import com.peptalk.automation.workflows.TriggerTypes;
import com.peptalk.events.ReceivedEvent;
import com.peptalk.events.Topics;
import com.peptalk.events.automation.TriggerFired;
import com.peptalk.events.kiosk.KioskStatus;
import com.peptalk.events.kiosk.KioskStatusChanged;
import com.peptalk.events.procore.ProcoreResourceChanged;
import com.peptalk.events.runtime.EventInbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The topics that carry triggers, each through the inbox (one run per event id, in the handler's transaction):
 * <ul>
 * <li>{@code automation.triggers}: {@link TriggerFired} as it is;</li>
 * <li>{@code procore.webhook-events}: {@link ProcoreResourceChanged} becomes {@code procore.<resource>.<event_type>}
 * ({@link TriggerTypes#procore}), payload {@code resource_name}, {@code resource_id}, {@code event_type},
 * {@code company_id}, {@code delivery_id};</li>
 * <li>{@code kiosk.status-changes}: {@link KioskStatusChanged} to OFFLINE becomes {@code kiosk.offline}, from OFFLINE
 * back to ONLINE {@code kiosk.online}; payload {@code kiosk_id}, {@code previous}, {@code current},
 * {@code last_seen_at} and {@code minutes_since_last_seen} (for a minimum-down-time condition); other changes start
 * nothing.</li>
 * </ul>
 */
@Component
class TriggerListeners {

    static final String TRIGGERS = "automation-triggers";
    static final String PROCORE = "automation-procore-triggers";
    static final String KIOSKS = "automation-kiosk-triggers";

    private final EventInbox inbox;
    private final TriggerIntake intake;

    TriggerListeners(EventInbox inbox, TriggerIntake intake) {
        this.inbox = inbox;
        this.intake = intake;
    }

    @KafkaListener(id = TRIGGERS, topics = Topics.AUTOMATION_TRIGGERS)
    void onTrigger(ConsumerRecord<String, byte[]> record) {
        inbox.receive(TRIGGERS, record, this::trigger);
    }

    @KafkaListener(id = PROCORE, topics = Topics.PROCORE_WEBHOOK_EVENTS)
    void onProcore(ConsumerRecord<String, byte[]> record) {
        inbox.receive(PROCORE, record, this::procore);
    }

    @KafkaListener(id = KIOSKS, topics = Topics.KIOSK_STATUS_CHANGES)
    void onKiosk(ConsumerRecord<String, byte[]> record) {
        inbox.receive(KIOSKS, record, this::kiosk);
    }

    private void trigger(ReceivedEvent received) {
        if (received.event() instanceof TriggerFired fired) {
            intake.accept(new RunCause.Trigger(fired.triggerId(), fired.triggerType(), fired.projectId(),
                    fired.payload()), null, Topics.AUTOMATION_TRIGGERS);
        }
    }

    private void procore(ReceivedEvent received) {
        if (received.event() instanceof ProcoreResourceChanged changed) {
            Map<String, Object> payload = new HashMap<>();
            payload.put("resource_name", changed.resourceName());
            payload.put("resource_id", changed.resourceId());
            payload.put("event_type", changed.eventType());
            payload.put("company_id", changed.companyId());
            payload.put("delivery_id", changed.deliveryId());
            intake.accept(new RunCause.Trigger(received.envelope().id(),
                    TriggerTypes.procore(changed.resourceName(), changed.eventType()), changed.projectId(), payload),
                    changed.companyId(), Topics.PROCORE_WEBHOOK_EVENTS);
        }
    }

    private void kiosk(ReceivedEvent received) {
        if (!(received.event() instanceof KioskStatusChanged changed)) {
            return;
        }
        String type;
        if (changed.current() == KioskStatus.OFFLINE && changed.previous() != KioskStatus.OFFLINE) {
            type = TriggerTypes.KIOSK_OFFLINE;
        }
        else if (changed.current() == KioskStatus.ONLINE && changed.previous() == KioskStatus.OFFLINE) {
            type = TriggerTypes.KIOSK_ONLINE;
        }
        else {
            return;
        }
        Map<String, Object> payload = new HashMap<>();
        payload.put("kiosk_id", changed.kioskId());
        payload.put("previous", changed.previous() == null ? "" : changed.previous().name());
        payload.put("current", changed.current().name());
        payload.put("last_seen_at", changed.lastSeenAt() == null ? "" : changed.lastSeenAt().toString());
        payload.put("minutes_since_last_seen", changed.lastSeenAt() == null ? 0
                : Math.max(0, Duration.between(changed.lastSeenAt(), received.envelope().time()).toMinutes()));
        intake.accept(new RunCause.Trigger(received.envelope().id(), type, changed.projectId(), payload), null,
                Topics.KIOSK_STATUS_CHANGES);
    }
}
