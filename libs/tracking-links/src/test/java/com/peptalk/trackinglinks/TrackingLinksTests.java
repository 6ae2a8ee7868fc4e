package com.peptalk.trackinglinks;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static java.net.URLDecoder.decode;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TrackingLinksTests {

    static final String OLD_KEY = "old-key-0123456789abcdef0123456789abcdef";
    static final String NEW_KEY = "new-key-0123456789abcdef0123456789abcdef";
    static final URI BASE = URI.create("https://peptalk.example/");
    static final UUID MESSAGE = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");

    static final Instant SENT = Instant.parse("2026-11-30T10:00:00Z");

    final TrackingLinks links = new TrackingLinks(BASE, "k2", Map.of("k1", OLD_KEY, "k2", NEW_KEY), Clock.fixed(SENT, ZoneOffset.UTC));

    @Test
    void anOpenPixelVerifiesToItsMessage() {
        URI pixel = links.openPixel(MESSAGE);

        assertThat(pixel.toString()).startsWith("https://peptalk.example/t/o?m=" + MESSAGE + "&t=" + SENT.getEpochSecond() + "&k=k2&s=");
        assertThat(links.verify(TrackedLink.Kind.OPEN, query(pixel)))
                .contains(new TrackedLink(TrackedLink.Kind.OPEN, MESSAGE, "k2", null, null, SENT));
    }

    @Test
    void aClickLinkVerifiesToItsMessageAndTarget() {
        URI click = links.click(MESSAGE, URI.create("https://www.procore.com/projects?id=42&tab=log"));

        assertThat(links.verify(TrackedLink.Kind.CLICK, query(click)).orElseThrow().target())
                .isEqualTo(URI.create("https://www.procore.com/projects?id=42&tab=log"));
    }

    @Test
    void anUnsubscribeLinkVerifiesToItsAddress() {
        URI unsubscribe = links.unsubscribe(MESSAGE, "ana+site@example.com");

        assertThat(links.verify(TrackedLink.Kind.UNSUBSCRIBE, query(unsubscribe)).orElseThrow().address()).isEqualTo("ana+site@example.com");
    }

    @Test
    void aChangedTargetMessageOrAddressDoesNotVerify() {
        Map<String, String> click = query(links.click(MESSAGE, URI.create("https://www.procore.com/")));
        Map<String, String> unsubscribe = query(links.unsubscribe(MESSAGE, "ana@example.com"));
        Map<String, String> open = query(links.openPixel(MESSAGE));

        assertThat(links.verify(TrackedLink.Kind.CLICK, with(click, "u", "https://evil.example/"))).isEmpty();
        assertThat(links.verify(TrackedLink.Kind.UNSUBSCRIBE, with(unsubscribe, "a", "bob@example.com"))).isEmpty();
        assertThat(links.verify(TrackedLink.Kind.OPEN, with(open, "m", UUID.randomUUID().toString()))).isEmpty();
    }

    @Test
    void whenTheLinkWasBuiltIsSignedToo() {
        Map<String, String> click = query(links.click(MESSAGE, URI.create("https://www.procore.com/")));

        assertThat(links.verify(TrackedLink.Kind.CLICK, click)).map(TrackedLink::issuedAt).contains(SENT);
        assertThat(links.verify(TrackedLink.Kind.CLICK, with(click, "t", String.valueOf(SENT.getEpochSecond() - 3600)))).isEmpty();
        assertThat(links.verify(TrackedLink.Kind.CLICK, with(click, "t", "0" + SENT.getEpochSecond()))).isEmpty();
    }

    @Test
    void aLinkOfOneKindDoesNotVerifyAsAnother() {
        Map<String, String> open = query(links.openPixel(MESSAGE));

        assertThat(links.verify(TrackedLink.Kind.CLICK, with(open, "u", "https://www.procore.com/"))).isEmpty();
        assertThat(links.verify(TrackedLink.Kind.UNSUBSCRIBE, with(open, "a", "ana@example.com"))).isEmpty();
    }

    @Test
    void linksSignedByAnOlderKeyStillVerifyUntilTheKeyIsRemoved() {
        TrackingLinks before = new TrackingLinks(BASE, "k1", Map.of("k1", OLD_KEY));
        Map<String, String> old = query(before.openPixel(MESSAGE));

        assertThat(links.verify(TrackedLink.Kind.OPEN, old)).map(TrackedLink::keyId).contains("k1");
        assertThat(new TrackingLinks(BASE, "k2", Map.of("k2", NEW_KEY)).verify(TrackedLink.Kind.OPEN, old)).isEmpty();
    }

    @Test
    void aLinkMovedToAnotherKeyIdDoesNotVerify() {
        TrackingLinks sameSecrets = new TrackingLinks(BASE, "k3", Map.of("k3", NEW_KEY, "k2", NEW_KEY));
        Map<String, String> signedByK2 = query(links.openPixel(MESSAGE));

        assertThat(sameSecrets.verify(TrackedLink.Kind.OPEN, with(signedByK2, "k", "k3"))).isEmpty();
    }

    @Test
    void missingOrMalformedParametersDoNotVerifyAndThrowNothing() {
        Map<String, String> click = query(links.click(MESSAGE, URI.create("https://www.procore.com/")));

        for (String parameter : click.keySet()) {
            Map<String, String> without = new HashMap<>(click);
            without.remove(parameter);
            assertThat(links.verify(TrackedLink.Kind.CLICK, without)).as("without %s", parameter).isEmpty();
            for (String junk : new String[] {"", "x", "%%", "not-a-uuid", "=".repeat(43), "A".repeat(44), "\u0000"}) {
                assertThat(links.verify(TrackedLink.Kind.CLICK, with(click, parameter, junk))).as("%s=%s", parameter, junk).isEmpty();
            }
        }
    }

    @Test
    void buildsNoOpenRedirectToAnythingButHttpOrHttps() {
        for (String target : new String[] {"javascript:alert(1)", "//evil.example/", "/relative", "ftp://example.com/", "data:text/html,x"}) {
            assertThatIllegalArgumentException().isThrownBy(() -> links.click(MESSAGE, URI.create(target)));
        }
        assertThatIllegalArgumentException().isThrownBy(() -> links.click(MESSAGE, URI.create("https://example.com/" + "a".repeat(2048))));
    }

    @Test
    void refusesShortKeysUnknownSigningKeysAndOddKeyIdsWithoutSayingTheKey() {
        assertThatIllegalArgumentException().isThrownBy(() -> new TrackingLinks(BASE, "k1", Map.of("k1", "short-secret")))
                .withMessageContaining("k1").withMessageNotContaining("short-secret");
        assertThatIllegalArgumentException().isThrownBy(() -> new TrackingLinks(BASE, "k9", Map.of("k1", OLD_KEY)))
                .withMessageNotContaining(OLD_KEY);
        assertThatIllegalArgumentException().isThrownBy(() -> new TrackingLinks(BASE, "k 1", Map.of("k 1", OLD_KEY)));
        assertThatIllegalArgumentException().isThrownBy(() -> new TrackingLinks(URI.create("ftp://x/"), "k1", Map.of("k1", OLD_KEY)));
        assertThatIllegalArgumentException().isThrownBy(() -> links.unsubscribe(MESSAGE, "not an address"));
    }

    static Map<String, String> query(URI link) {
        return Arrays.stream(link.getRawQuery().split("&")).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> decode(pair[1], UTF_8), (a, b) -> a, LinkedHashMap::new));
    }

    static Map<String, String> with(Map<String, String> parameters, String name, String value) {
        Map<String, String> changed = new HashMap<>(parameters);
        changed.put(name, value);
        return changed;
    }
}
