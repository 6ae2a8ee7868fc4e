package com.peptalk.tracking.links;

import com.peptalk.events.DomainEvent;
import com.peptalk.events.comms.Channel;
import com.peptalk.events.comms.MessageStatus;
import com.peptalk.events.comms.MessageStatusReported;
import com.peptalk.events.comms.RecipientOptedOut;
import com.peptalk.tracking.webhooklog.InboundRequest;
import com.peptalk.tracking.webhooklog.Reception;
import com.peptalk.tracking.webhooklog.TrackingProperties;
import com.peptalk.tracking.webhooklog.WebhookProvider;
import com.peptalk.trackinglinks.TrackedLink;
import com.peptalk.trackinglinks.TrackingLinks;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Our own open pixel ({@code /t/o}), click redirect ({@code /t/c}) and RFC 8058 one-click unsubscribe ({@code /t/u}),
 * verified with {@link TrackingLinks}. A link that does not verify gets a 404 page and publishes nothing, so a link is
 * neither forgeable nor an open redirect. Opens and clicks by machines (a {@code HEAD} request, a link scanner's or
 * prefetcher's User-Agent, see {@link LinkProperties#machineAgents()}, or within moments of sending,
 * {@link LinkProperties#machineWindow()}) are logged as not human and publish nothing.
 * The unsubscribe link shows a confirmation page on {@code GET} (so a scanner following it unsubscribes no one) and
 * unsubscribes on {@code POST} (the mail client's one-click {@code List-Unsubscribe=One-Click}, or the page's button).
 */
@Component
class TrackedLinks implements WebhookProvider {

    static final String PROVIDER = "links";
    static final String ONE_CLICK = "List-Unsubscribe=One-Click";

    private final Optional<TrackingLinks> links;
    private final LinkProperties properties;
    private final Clock clock;

    TrackedLinks(LinkProperties properties, TrackingProperties tracking, Clock clock) {
        this.properties = properties;
        this.links = properties.signingKeyId() == null ? Optional.empty()
                : Optional.of(new TrackingLinks(tracking.publicBaseUrl(), properties.signingKeyId(), properties.keys()));
        this.clock = clock;
    }

    @Override
    public String name() {
        return PROVIDER;
    }

    @Override
    public List<String> paths() {
        return List.of("/t/");
    }

    @Override
    public Reception receive(InboundRequest request) {
        Optional<TrackedLink.Kind> kind = List.of(TrackedLink.Kind.values()).stream()
                .filter(candidate -> candidate.path().equals(request.path())).findFirst();
        Optional<TrackedLink> link = kind.flatMap(k -> links.flatMap(l -> l.verify(k, request.queryParameters())));
        if (link.isEmpty()) {
            return Reception.refusedPage(404, page("Link not found", "This link is not valid. It may have been changed or has expired."),
                    "the link does not verify");
        }
        TrackedLink verified = link.get();
        String machine = machine(request, verified);
        return switch (verified.kind()) {
            case OPEN -> Reception.answered(200, Map.of("Content-Type", "image/gif"), null,
                    outcome("open", verified, machine), null, machine == null ? List.of(status(verified, MessageStatus.OPENED, null)) : List.of());
            case CLICK -> Reception.answered(302, Map.of("Location", verified.target().toString()), null,
                    outcome("click", verified, machine), null,
                    machine == null ? List.of(status(verified, MessageStatus.CLICKED, verified.target().toString())) : List.of());
            case UNSUBSCRIBE -> unsubscribe(request, verified);
        };
    }

    private Reception unsubscribe(InboundRequest request, TrackedLink link) {
        Map<String, String> html = Map.of("Content-Type", "text/html;charset=UTF-8");
        if (!"POST".equals(request.method())) {
            return Reception.answered(200, html, page("Unsubscribe", "Stop emails to " + HtmlUtils.htmlEscape(link.address()) + "?",
                    "<form method=\"post\"><input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\">"
                            + "<button type=\"submit\">Unsubscribe</button></form>"), "unsubscribe confirmation shown; nothing published", null, List.of());
        }
        if (!"One-Click".equals(request.formParameters().get("List-Unsubscribe"))) {
            return Reception.refusedPage(400, page("Unsubscribe", "This request is not a one-click unsubscribe (" + ONE_CLICK + ")."),
                    "a POST without " + ONE_CLICK);
        }
        DomainEvent optedOut = new RecipientOptedOut(Channel.EMAIL, link.address(), "list-unsubscribe", null, clock.instant());
        return Reception.answered(200, html, page("Unsubscribed", HtmlUtils.htmlEscape(link.address()) + " will get no more emails from us."),
                "one-click unsubscribe of message " + link.messageId() + ": opt-out published", null, List.of(optedOut));
    }

    private String machine(InboundRequest request, TrackedLink link) {
        if ("HEAD".equals(request.method())) {
            return "a HEAD request";
        }
        if (link.issuedAt().plus(properties.machineWindow()).isAfter(clock.instant())) {
            return "within " + properties.machineWindow().toSeconds() + " s of sending";
        }
        String agent = request.header("user-agent");
        if (agent == null || agent.isBlank()) {
            return "no User-Agent";
        }
        String lower = agent.toLowerCase(Locale.ROOT);
        return properties.machineAgents().stream().filter(part -> lower.contains(part.toLowerCase(Locale.ROOT)))
                .findFirst().map(part -> "a machine's User-Agent (" + part + ")").orElse(null);
    }

    private static String outcome(String what, TrackedLink link, String machine) {
        return machine == null ? what + " of message " + link.messageId() + " published"
                : what + " of message " + link.messageId() + " by a machine (" + machine + "): not human, nothing published";
    }

    private MessageStatusReported status(TrackedLink link, MessageStatus status, String detail) {
        return new MessageStatusReported(link.messageId(), Channel.EMAIL, PROVIDER, null, status, clock.instant(), detail);
    }

    static String page(String title, String message) {
        return page(title, message, "");
    }

    static String page(String title, String message, String form) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title + "</title>"
                + "<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem}</style></head>"
                + "<body><h1>" + title + "</h1><p>" + message + "</p>" + form + "</body></html>";
    }
}
