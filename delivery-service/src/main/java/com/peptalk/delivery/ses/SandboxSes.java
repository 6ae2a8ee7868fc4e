package com.peptalk.delivery.ses;

import com.peptalk.delivery.sending.ChannelProvider;
import com.peptalk.delivery.sending.OutgoingMessage;
import com.peptalk.delivery.sending.ProviderAnswer;
import com.peptalk.events.comms.Channel;
import org.springframework.stereotype.Component;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * SES without AWS, by the SES mailbox simulator's conventions (SES developer guide, "Using the mailbox simulator"):
 * every message is accepted, and what happens next depends on the recipient, as {@link SimulatorOutcome} says.
 * The outcome's SES events are then posted to tracking as a configuration set's SNS destination would post them.
 */
@Component
class SandboxSes implements ChannelProvider {

    private static final Id ID = new Id("ses", Channel.EMAIL, true);

    private final SesNotifications notifications;

    SandboxSes(SesNotifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public Id id() {
        return ID;
    }

    @Override
    public ProviderAnswer send(OutgoingMessage message) {
        String sesMessageId = "0100" + HexFormat.of().formatHex(randomBytes(8)) + "-"
                + java.util.UUID.randomUUID() + "-000000";
        SimulatorOutcome outcome = SimulatorOutcome.of(message.address());
        notifications.publishLater(message, sesMessageId, outcome);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("operation", "SendEmail");
        summary.put("to", java.util.List.of(message.address()));
        summary.put("sandbox", outcome.name().toLowerCase(Locale.ROOT));
        return new ProviderAnswer(sesMessageId, summary, Map.of("status", 200, "MessageId", sesMessageId));
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
