package com.peptalk.delivery.ses;

import java.net.URI;
import java.util.Optional;
import java.util.UUID;

/**
 * The seam to tracking's signed links (libs/tracking-links): the one-click unsubscribe URL of an email (RFC 8058)
 * and its HTML with open/click tracking: {@link SignedTrackingLinks} when enabled, else {@link NoTrackingLinks}, which
 * adds nothing.
 */
public interface TrackingLinks {

    /** The HTTPS URL that unsubscribes {@code address} with one POST, or empty when there is none. */
    Optional<URI> oneClickUnsubscribe(UUID messageId, String address);

    /** The HTML with its links rewritten to signed click links and an open pixel added, or as it was. */
    String track(UUID messageId, String html);
}
