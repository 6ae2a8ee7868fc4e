package com.peptalk.delivery.ses;

import java.net.URI;
import java.util.Optional;
import java.util.UUID;

/** Tracking links disabled ({@code peptalk.delivery.tracking-links.enabled=false}): no List-Unsubscribe headers, the HTML as rendered. */
class NoTrackingLinks implements TrackingLinks {

    @Override
    public Optional<URI> oneClickUnsubscribe(UUID messageId, String address) {
        return Optional.empty();
    }

    @Override
    public String track(UUID messageId, String html) {
        return html;
    }
}
