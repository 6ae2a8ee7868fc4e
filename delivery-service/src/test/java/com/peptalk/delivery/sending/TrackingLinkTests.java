package com.peptalk.delivery.sending;

import com.peptalk.delivery.ProviderFakes;
import com.peptalk.events.comms.Channel;
import com.peptalk.events.comms.DeliveryAccepted;
import com.peptalk.events.comms.RenderedContent;
import com.peptalk.events.comms.SendRequested;
import com.peptalk.events.runtime.EventPublisher;
import com.peptalk.testsupport.ServiceTest;
import com.peptalk.trackinglinks.TrackedLink;
import com.peptalk.trackinglinks.TrackingLinks;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.peptalk.delivery.sending.ProviderStubs.sesAccepted;
import static com.peptalk.delivery.sending.ProviderStubs.sesTo;
import static com.peptalk.delivery.sending.ProviderStubs.stub;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The email SES receives (the real SDK against WireMock) carries tracking's signed links, checked with the verifier
 * tracking-service uses (libs/tracking-links) and the key of application-test.yml.
 */
@ServiceTest
@ExtendWith(OutputCaptureExtension.class)
class TrackingLinkTests {

    private static final String KEY = "test-only-link-signing-key-do-not-log-0123456789";
    private static final TrackingLinks TRACKING = new TrackingLinks(URI.create("https://peptalk.test"), "test1",
            Map.of("test1", KEY));
    private static final String HTML = """
            <html><body><p>An observation <a href="https://example.com/o/1?tab=notes&amp;x=1">needs you</a>,
            <a href=" http://example.com/plain ">also here</a>, <a href="mailto:help@example.com">ask us</a>,
            <a href="/relative">relative</a>, <a href="#top">top</a>.</p></body></html>""";
    private static final String TEXT = "An observation needs you: https://example.com/o/1";

    @Autowired
    EventPublisher publisher;
    @Autowired
    JsonMapper json;

    @Test
    void anEmailCarriesSignedClickLinksAnOpenPixelAndOneClickUnsubscribeHeaders(CapturedOutput output) throws Exception {
        SendRequested request = withHtml(Sends.request(Channel.EMAIL, null, Sends.email(), null));
        String address = request.recipient().email();
        stub(sesTo(address).willReturn(sesAccepted()));

        publisher.publish(request).get();
        DeliveryEvents.await(request.messageId(), DeliveryAccepted.class);

        JsonNode simple = json.readTree(ProviderFakes.wiremock().findAll(postRequestedFor(urlEqualTo(ProviderStubs.SES_SEND))
                .withRequestBody(containing(address))).getFirst().getBodyAsString()).at("/Content/Simple");
        Document html = Jsoup.parse(simple.at("/Body/Html/Data").asString());
        List<String> hrefs = html.select("a[href]").eachAttr("href");
        assertThat(hrefs).hasSize(5);
        assertThat(verify(TrackedLink.Kind.CLICK, hrefs.get(0))).hasValueSatisfying(link -> {
            assertThat(link.messageId()).isEqualTo(request.messageId());
            assertThat(link.target()).isEqualTo(URI.create("https://example.com/o/1?tab=notes&x=1"));
        });
        assertThat(verify(TrackedLink.Kind.CLICK, hrefs.get(1)))
                .hasValueSatisfying(link -> assertThat(link.target()).isEqualTo(URI.create("http://example.com/plain")));
        assertThat(hrefs.subList(2, 5)).containsExactly("mailto:help@example.com", "/relative", "#top");
        List<String> images = html.select("img[src]").eachAttr("src");
        assertThat(images).hasSize(1);
        assertThat(verify(TrackedLink.Kind.OPEN, images.getFirst()))
                .hasValueSatisfying(link -> assertThat(link.messageId()).isEqualTo(request.messageId()));
        assertThat(simple.at("/Body/Text/Data").asString()).isEqualTo(TEXT);

        Map<String, String> headers = new LinkedHashMap<>();
        simple.get("Headers").forEach(header -> headers.put(header.get("Name").asString(), header.get("Value").asString()));
        assertThat(headers.get("List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
        String unsubscribe = headers.get("List-Unsubscribe");
        assertThat(unsubscribe).startsWith("<https://peptalk.test/t/u?").endsWith(">");
        assertThat(verify(TrackedLink.Kind.UNSUBSCRIBE, unsubscribe.substring(1, unsubscribe.length() - 1)))
                .hasValueSatisfying(link -> {
                    assertThat(link.messageId()).isEqualTo(request.messageId());
                    assertThat(link.address()).isEqualTo(address);
                });
        assertThat(output.getAll()).doesNotContain(KEY);
    }

    @Test
    void aLinkChangedInTransitDoesNotVerify() throws Exception {
        SendRequested request = withHtml(Sends.request(Channel.EMAIL, null, Sends.email(), null));
        stub(sesTo(request.recipient().email()).willReturn(sesAccepted()));

        publisher.publish(request).get();
        DeliveryEvents.await(request.messageId(), DeliveryAccepted.class);

        String body = ProviderFakes.wiremock().findAll(postRequestedFor(urlEqualTo(ProviderStubs.SES_SEND))
                .withRequestBody(containing(request.recipient().email()))).getFirst().getBodyAsString();
        String click = Jsoup.parse(json.readTree(body).at("/Content/Simple/Body/Html/Data").asString())
                .select("a[href]").getFirst().attr("href");
        assertThat(verify(TrackedLink.Kind.CLICK, click.replace("example.com", "evil.example"))).isEmpty();
        assertThat(new TrackingLinks(URI.create("https://peptalk.test"), "test1",
                Map.of("test1", "another-key-of-at-least-32-bytes-0123456789"))
                .verify(TrackedLink.Kind.CLICK, query(click))).isEmpty();
    }

    private static Optional<TrackedLink> verify(TrackedLink.Kind kind, String url) {
        assertThat(url).startsWith("https://peptalk.test" + kind.path() + "?");
        return TRACKING.verify(kind, query(url));
    }

    private static Map<String, String> query(String url) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            int equals = pair.indexOf('=');
            parameters.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return parameters;
    }

    private static SendRequested withHtml(SendRequested request) {
        RenderedContent content = request.content();
        return new SendRequested(request.messageId(), request.runId(), request.workflowId(), request.recipient(),
                request.channel(), request.fallbackChannel(),
                new RenderedContent(content.subject(), HTML, TEXT, content.sms()), request.projectIds(),
                request.notBefore());
    }
}
