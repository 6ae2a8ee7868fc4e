package com.peptalk.delivery.ses;

import com.peptalk.trackinglinks.TrackedLink;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Which links of an email's HTML become tracked ones, and which stay as they are. */
class SignedTrackingLinksTests {

    private static final com.peptalk.trackinglinks.TrackingLinks FORMAT = new com.peptalk.trackinglinks.TrackingLinks(
            URI.create("https://peptalk.test"), "k1", Map.of("k1", "a-signing-key-of-at-least-32-bytes-0123"));
    private final SignedTrackingLinks links = new SignedTrackingLinks(FORMAT);

    @Test
    void linksThatCannotBeSignedTargetsStayAsTheyAre() {
        String tooLong = "https://example.com/" + "a".repeat(com.peptalk.trackinglinks.TrackingLinks.MAX_TARGET_LENGTH);
        String html = "<p><a href=\"" + tooLong + "\">long</a> <a href=\"https://exa mple.com/\">spaces</a>"
                + " <a href=\"tel:+15005550006\">call</a> <a href=\"javascript:alert(1)\">script</a>"
                + " <a href=\"https:///no-host\">no host</a> <a name=\"anchor\">no href</a></p>";

        var document = Jsoup.parse(links.track(UUID.randomUUID(), html));

        assertThat(document.select("a[href]").eachAttr("href")).containsExactly(tooLong, "https://exa mple.com/",
                "tel:+15005550006", "javascript:alert(1)", "https:///no-host");
        assertThat(document.select("img")).hasSize(1);
    }

    @Test
    void anImageMapAreaAndAnUpperCaseSchemeAreTrackedToo() {
        UUID messageId = UUID.randomUUID();
        String html = "<map name=\"m\"><area href=\"HTTPS://example.com/area\"></map>";

        String area = Jsoup.parse(links.track(messageId, html)).select("area").attr("href");

        assertThat(FORMAT.verify(TrackedLink.Kind.CLICK, query(area)))
                .hasValueSatisfying(link -> assertThat(link.target()).isEqualTo(URI.create("HTTPS://example.com/area")));
    }

    @Test
    void anAddressThatIsNoEmailAddressGetsNoUnsubscribeUrl() {
        assertThat(links.oneClickUnsubscribe(UUID.randomUUID(), "+15005550006")).isEmpty();
        assertThat(links.oneClickUnsubscribe(UUID.randomUUID(), "manager@example.com")).isPresent();
    }

    private static Map<String, String> query(String url) {
        return java.util.Arrays.stream(URI.create(url).getRawQuery().split("&")).map(pair -> pair.split("=", 2))
                .collect(java.util.stream.Collectors.toMap(pair -> pair[0],
                        pair -> java.net.URLDecoder.decode(pair[1], java.nio.charset.StandardCharsets.UTF_8)));
    }
}
