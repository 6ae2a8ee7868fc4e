package com.peptalk.delivery.ses;

import org.springframework.stereotype.Component;

import java.net.URI;
import java.util.Optional;
import java.util.UUID;

/** No tracking links yet: no List-Unsubscribe headers, the HTML as rendered. Replaced once libs/tracking-links lands. */
@Component
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
