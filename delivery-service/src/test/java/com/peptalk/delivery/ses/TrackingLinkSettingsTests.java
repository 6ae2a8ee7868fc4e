package com.peptalk.delivery.ses;

import com.peptalk.delivery.ProviderFakes;
import com.peptalk.delivery.messages.DeliveryProperties;
import com.peptalk.delivery.sending.OutgoingMessage;
import com.peptalk.events.comms.Channel;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sesv2.SesV2Client;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** Tracking links switched off, and the settings that never show the signing key. */
class TrackingLinkSettingsTests {

    private static final String KEY = "a-signing-key-nobody-may-read-0123456789";
    private static final String HTML = "<p>An observation <a href=\"https://example.com/o/1\">needs you</a></p>";

    @Test
    void disabledTrackingSendsTheHtmlAsRenderedWithoutListUnsubscribeHeaders() {
        SesConfiguration configuration = new SesConfiguration();
        TrackingLinks links = configuration.trackingLinks(new TrackingLinkProperties(false, null, null, null));
        SesProperties ses = new SesProperties("us-east-1", URI.create(ProviderFakes.baseUrl()), "peptalk-events",
                "AKIATESTONLY0000000", "test-only-ses-secret-do-not-log-0123456789", Duration.ofSeconds(5));
        String address = "manager-" + UUID.randomUUID() + "@example.com";
        ProviderFakes.wiremock().stubFor(post(urlEqualTo("/v2/email/outbound-emails")).withRequestBody(containing(address))
                .willReturn(okJson("{\"MessageId\":\"0100019a-untracked-000000\"}")));

        try (SesV2Client client = configuration.sesV2Client(ses)) {
            new SesEmailProvider(client, ses, new DeliveryProperties(DeliveryProperties.Mode.LIVE,
                    "notifications@peptalk.local", "+15005550006", Duration.ofHours(24)), links)
                    .send(new OutgoingMessage(UUID.randomUUID(), null, Channel.EMAIL, address, "Observation", HTML, "text"));
        }

        String body = ProviderFakes.wiremock().findAll(postRequestedFor(urlEqualTo("/v2/email/outbound-emails"))
                .withRequestBody(containing(address))).getFirst().getBodyAsString();
        assertThat(body).contains("\"Data\":\"" + HTML.replace("\"", "\\\"") + "\"")
                .doesNotContain("List-Unsubscribe").doesNotContain("/t/o?").doesNotContain("/t/c?");
    }

    @Test
    void theSettingsNeverShowTheSigningKey() {
        TrackingLinkProperties settings = new TrackingLinkProperties(true, URI.create("https://peptalk.test"), "k1", KEY);

        assertThat(settings.toString()).contains("k1").doesNotContain(KEY);
        assertThat(new SesConfiguration().trackingLinks(settings)).isInstanceOf(SignedTrackingLinks.class);
    }
}
