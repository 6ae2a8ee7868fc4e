package com.peptalk.delivery.ses;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Tracking links signed with libs/tracking-links: every absolute http/https link of the HTML ({@code a} and
 * {@code area} {@code href}s, found by jsoup's HTML parser rather than patterns) becomes a click link that redirects
 * to it, an open pixel is appended to the body, and the one-click unsubscribe URL goes into RFC 8058's headers.
 * Other links ({@code mailto:}, {@code tel:}, relative, malformed or longer than the format allows) stay as they are.
 * The text part is left alone: its links are what the reader sees and may copy, so they stay readable.
 */
class SignedTrackingLinks implements TrackingLinks {

    private final com.peptalk.trackinglinks.TrackingLinks links;

    SignedTrackingLinks(com.peptalk.trackinglinks.TrackingLinks links) {
        this.links = links;
    }

    @Override
    public Optional<URI> oneClickUnsubscribe(UUID messageId, String address) {
        try {
            return Optional.of(links.unsubscribe(messageId, address));
        }
        catch (IllegalArgumentException notAnEmailAddress) {
            // SES refuses such an address anyway; no header rather than a failed send
            return Optional.empty();
        }
    }

    @Override
    public String track(UUID messageId, String html) {
        Document document = Jsoup.parse(html);
        document.outputSettings().prettyPrint(false);
        for (Element link : document.select("a[href], area[href]")) {
            webAddress(link.attr("href")).ifPresent(target -> link.attr("href", links.click(messageId, target).toString()));
        }
        document.body().appendElement("img")
                .attr("src", links.openPixel(messageId).toString())
                .attr("width", "1").attr("height", "1").attr("alt", "")
                .attr("style", "display:block;border:0;width:1px;height:1px");
        return document.outerHtml();
    }

    private static Optional<URI> webAddress(String href) {
        try {
            URI uri = new URI(href.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && href.strip().length() <= com.peptalk.trackinglinks.TrackingLinks.MAX_TARGET_LENGTH
                    ? Optional.of(uri) : Optional.empty();
        }
        catch (URISyntaxException malformed) {
            return Optional.empty();
        }
    }
}
