package com.peptalk.delivery.ses;

import com.peptalk.trackinglinks.TrackingLinks;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Open/click tracking and the one-click unsubscribe URL in emails, signed with libs/tracking-links. The key is a
 * secret: from the environment only, the same as tracking-service's {@code peptalk.tracking.links.keys.<id>}, and
 * {@link #toString()} leaves it out.
 *
 * @param enabled whether emails carry signed links; off: the HTML goes as rendered, no List-Unsubscribe headers
 * @param publicBaseUrl where mail clients reach tracking-service (the gateway), absolute http or https
 * @param signingKeyId the id of the key that signs (tracking verifies with the key of that id)
 * @param signingKey the HMAC-SHA256 key, at least {@value TrackingLinks#MIN_KEY_BYTES} bytes
 */
@Validated
@ConfigurationProperties("peptalk.delivery.tracking-links")
record TrackingLinkProperties(@DefaultValue("false") boolean enabled, URI publicBaseUrl,
        @Pattern(regexp = "[A-Za-z0-9_-]{1,32}") String signingKeyId, String signingKey) {

    @AssertTrue(message = "must be an absolute http or https URL when tracking links are enabled")
    boolean isPublicBaseUrlUsable() {
        return !enabled || publicBaseUrl != null && publicBaseUrl.isAbsolute() && publicBaseUrl.getHost() != null
                && ("http".equalsIgnoreCase(publicBaseUrl.getScheme()) || "https".equalsIgnoreCase(publicBaseUrl.getScheme()));
    }

    @AssertTrue(message = "a key id and a key of at least " + TrackingLinks.MIN_KEY_BYTES
            + " bytes are required when tracking links are enabled")
    boolean isSigningKeyUsable() {
        return !enabled || signingKeyId != null && signingKey != null
                && signingKey.getBytes(StandardCharsets.UTF_8).length >= TrackingLinks.MIN_KEY_BYTES;
    }

    @Override
    public String toString() {
        return "TrackingLinkProperties[enabled=" + enabled + ", publicBaseUrl=" + publicBaseUrl + ", signingKeyId="
                + signingKeyId + ", signingKey=" + (signingKey == null ? null : "***") + "]";
    }
}
