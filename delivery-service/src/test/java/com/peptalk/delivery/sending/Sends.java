package com.peptalk.delivery.sending;

import com.peptalk.events.comms.Channel;
import com.peptalk.events.comms.Recipient;
import com.peptalk.events.comms.RenderedContent;
import com.peptalk.events.comms.SendRequested;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Send requests as automation publishes them, each with its own message id and addresses. */
final class Sends {

    private Sends() {
    }

    static SendRequested request(Channel channel, Channel fallback, String email, String phone) {
        return request(channel, fallback, email, phone, null);
    }

    static SendRequested request(Channel channel, Channel fallback, String email, String phone, Instant notBefore) {
        return new SendRequested(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                new Recipient(42, "Site Manager", email, phone), channel, fallback,
                new RenderedContent("Observation on site", "<p>An observation <a href=\"https://example.com/o/1\">needs you</a></p>",
                        "An observation needs you", "Peptalk: an observation needs you"),
                List.of(7L, 8L), notBefore);
    }

    /** A unique email address at a domain nobody owns. */
    static String email() {
        return "manager-" + UUID.randomUUID() + "@example.com";
    }

    /** A unique valid-looking US number outside Twilio's magic range. */
    static String phone() {
        return "+1415" + String.format("%07d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 10_000_000L));
    }
}
