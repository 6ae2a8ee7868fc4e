package com.peptalk.trackinglinks;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/**
 * What a verified tracking link says.
 *
 * @param kind open pixel, click or one-click unsubscribe
 * @param messageId our message (delivery-service's message id)
 * @param keyId the id of the key that signed the link
 * @param target for a click, where to send the reader (absolute http or https); else {@code null}
 * @param address for an unsubscribe, the email address to suppress; else {@code null}
 * @param issuedAt when the link was built (when the email was sent), to the second
 */
public record TrackedLink(Kind kind, UUID messageId, String keyId, URI target, String address, Instant issuedAt) {

    /** The kinds of tracking link, each with its own path under {@code /t/}. */
    public enum Kind {
        /** The 1x1 open pixel, {@code /t/o}. */
        OPEN("/t/o"),
        /** The click redirect, {@code /t/c}. */
        CLICK("/t/c"),
        /** The RFC 8058 one-click unsubscribe URL, {@code /t/u}. */
        UNSUBSCRIBE("/t/u");

        private final String path;

        Kind(String path) {
            this.path = path;
        }

        /** The path of this kind of link, relative to the public base URL. */
        public String path() {
            return path;
        }
    }
}
