package com.peptalk.tracking;

import com.peptalk.events.comms.Channel;
import com.peptalk.events.comms.MessageStatus;
import com.peptalk.events.comms.MessageStatusReported;
import com.peptalk.events.comms.RecipientOptedOut;
import com.peptalk.testsupport.Http;
import com.peptalk.testsupport.ServiceTest;
import com.peptalk.trackinglinks.TrackingLinks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@ServiceTest
class TrackedLinksTests {

    static final String BROWSER = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15";

    /** delivery-service's side: the same keys, the signing one first in rotation. */
    static final Map<String, String> KEYS = Map.of("test-2026b", "test-link-key-b-0123456789abcdef0123456789abcdef");
    static final TrackingLinks DELIVERY = new TrackingLinks(URI.create(Providers.PUBLIC_BASE_URL), "test-2026b", KEYS,
            Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-5)));

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    /** The link as a mail client would call it, sent to this service instead of the public address. */
    String local(URI link) {
        return "http://localhost:" + port + link.getRawPath() + "?" + link.getRawQuery();
    }

    HttpResponse<String> get(URI link, String agent) {
        return Http.get(local(link), Map.of("User-Agent", agent));
    }

    @Test
    void anOpenPixelAnswersAGifAndPublishesOpened() {
        UUID message = UUID.randomUUID();

        HttpResponse<String> answer = get(DELIVERY.openPixel(message), BROWSER);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).contains("image/gif");
        MessageStatusReported opened = Published.awaitStatusEvent(message.toString(), MessageStatusReported.class, event -> true);
        assertThat(opened.status()).isEqualTo(MessageStatus.OPENED);
        assertThat(opened.channel()).isEqualTo(Channel.EMAIL);
    }

    @Test
    void aClickRedirectsToItsTargetAndPublishesClicked() {
        UUID message = UUID.randomUUID();
        URI target = URI.create("https://www.procore.com/projects/42?tab=daily%20log");

        HttpResponse<String> answer = get(DELIVERY.click(message, target), BROWSER);

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location")).contains(target.toString());
        MessageStatusReported clicked = Published.awaitStatusEvent(message.toString(), MessageStatusReported.class, event -> true);
        assertThat(clicked.status()).isEqualTo(MessageStatus.CLICKED);
        assertThat(clicked.detail()).isEqualTo(target.toString());
    }

    @Test
    void aChangedTargetIsNotAnOpenRedirect() {
        UUID message = UUID.randomUUID();
        String link = local(DELIVERY.click(message, URI.create("https://www.procore.com/"))).replace("www.procore.com", "evil.example");

        HttpResponse<String> answer = Http.get(link, Map.of("User-Agent", BROWSER));

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.headers().firstValue("Location")).isEmpty();
        assertThat(answer.body()).contains("This link is not valid");
        assertThat(Published.outboxed(jdbc, message.toString())).isEmpty();
    }

    @Test
    void aLinkSignedWithAnUnknownKeyIsRefused() {
        UUID message = UUID.randomUUID();
        TrackingLinks forger = new TrackingLinks(URI.create(Providers.PUBLIC_BASE_URL), "test-2026b",
                Map.of("test-2026b", "a-key-we-never-configured-0123456789abcdef"));

        assertThat(get(forger.openPixel(message), BROWSER).statusCode()).isEqualTo(404);
        assertThat(Published.outboxed(jdbc, message.toString())).isEmpty();
    }

    @Test
    void scannersAndHeadRequestsAreLoggedAsMachinesAndPublishNothing() {
        UUID message = UUID.randomUUID();
        URI click = DELIVERY.click(message, URI.create("https://www.procore.com/"));

        HttpResponse<String> scanner = get(click, "Mozilla/5.0 (compatible; Barracuda Sentinel)");
        HttpResponse<String> head = Http.send(HttpRequest.newBuilder(URI.create(local(click))).timeout(Duration.ofSeconds(30))
                .header("User-Agent", BROWSER).method("HEAD", HttpRequest.BodyPublishers.noBody()).build());

        assertThat(scanner.statusCode()).isEqualTo(302);
        assertThat(head.statusCode()).isEqualTo(302);
        assertThat(Published.outboxed(jdbc, message.toString())).isEmpty();
        assertThat(jdbc.queryForList("select outcome from webhook_log where query like ?", String.class, "%" + message + "%"))
                .hasSize(2).allMatch(outcome -> outcome.contains("not human"));
    }

    @Test
    void opensAndClicksWithinMomentsOfSendingAreAScannersAndPublishNothing() {
        UUID message = UUID.randomUUID();
        TrackingLinks justSent = new TrackingLinks(URI.create(Providers.PUBLIC_BASE_URL), "test-2026b", KEYS);

        assertThat(get(justSent.click(message, URI.create("https://www.procore.com/")), BROWSER).statusCode()).isEqualTo(302);
        assertThat(get(justSent.openPixel(message), BROWSER).statusCode()).isEqualTo(200);

        assertThat(Published.outboxed(jdbc, message.toString())).isEmpty();
        assertThat(jdbc.queryForList("select outcome from webhook_log where query like ?", String.class, "%" + message + "%"))
                .hasSize(2).allMatch(outcome -> outcome.contains("of sending"));
    }

    @Test
    void theUnsubscribeLinkAsksOnGetAndUnsubscribesOnTheOneClickPost() {
        UUID message = UUID.randomUUID();
        String address = "leaver+" + message + "@example.com";
        URI unsubscribe = DELIVERY.unsubscribe(message, address);

        HttpResponse<String> page = get(unsubscribe, BROWSER);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<form method=\"post\"").contains("Unsubscribe");
        assertThat(Published.outboxed(jdbc, address)).isEmpty();

        HttpResponse<String> oneClick = Http.post(local(unsubscribe), "application/x-www-form-urlencoded",
                "List-Unsubscribe=One-Click", Map.of());

        assertThat(oneClick.statusCode()).isEqualTo(200);
        RecipientOptedOut out = Published.awaitStatusEvent(address, RecipientOptedOut.class, event -> true);
        assertThat(out.channel()).isEqualTo(Channel.EMAIL);
        assertThat(out.source()).isEqualTo("list-unsubscribe");
    }

    @Test
    void aPostWithoutTheOneClickBodyUnsubscribesNoOne() {
        UUID message = UUID.randomUUID();
        String address = "stayer+" + message + "@example.com";

        HttpResponse<String> answer = Http.post(local(DELIVERY.unsubscribe(message, address)), "application/x-www-form-urlencoded", "x=y", Map.of());

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(Published.outboxed(jdbc, address)).isEmpty();
    }
}
