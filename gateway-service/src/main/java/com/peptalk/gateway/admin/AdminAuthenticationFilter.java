package com.peptalk.gateway.admin;

import com.peptalk.gateway.GatewayProperties;
import com.peptalk.gateway.forwarded.TrustedProxies;
import com.peptalk.gateway.identity.RelayTokens;
import com.peptalk.gateway.problems.ProblemResponses;
import com.peptalk.gateway.problems.Problems;
import com.peptalk.gateway.requestid.RequestIdFilter;
import com.peptalk.gateway.routing.DownstreamService;
import com.peptalk.gateway.routing.RouteMetadata;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Admin authentication for every route whose metadata says {@code authentication: admin}. Admitted: the request
 * goes on without its credential ({@code Authorization}, {@code X-Api-Key}, the session cookie), with the
 * gateway's signed identity instead ({@code Authorization: Bearer <jwt>}, {@link RelayTokens}) and, until every
 * service verifies that, {@code X-Admin-Subject}. Refused: 401 (no or a bad credential), 403 (a token without the
 * admin authority, or a cross-site form sent with the session cookie) or 503 (the issuer's keys are out of
 * reach), as a problem document, or as a page for a browser opening an admin page. On every other route it only
 * removes what a caller must not pass for the gateway's: {@code X-Admin-Subject} and the session cookie.
 * <p>
 * Before the route's circuit breaker and retry (a refusal is not a service failure) and before the rate limit,
 * which counts admins by subject. Credentials are never logged.
 */
@Component
public class AdminAuthenticationFilter implements GlobalFilter, Ordered {

    public static final int ORDER = -200;

    static final String REALM = "Bearer realm=\"peptalk-admin\"";

    private static final Logger log = LoggerFactory.getLogger(AdminAuthenticationFilter.class);

    private final AdminAuthenticator authenticator;
    private final CrossSiteRequests crossSite;
    private final AdminSessions sessions;
    private final TrustedProxies proxies;
    private final ProblemResponses problems;
    private final ObjectProvider<MeterRegistry> meters;
    private final RelayTokens relay;
    private final GatewayProperties gateway;
    private final List<String> adminScopes;

    AdminAuthenticationFilter(AdminAuthenticator authenticator, CrossSiteRequests crossSite, AdminSessions sessions,
            TrustedProxies proxies, ProblemResponses problems, ObjectProvider<MeterRegistry> meters,
            RelayTokens relay, GatewayProperties gateway, AdminProperties admin) {
        this.authenticator = authenticator;
        this.crossSite = crossSite;
        this.sessions = sessions;
        this.proxies = proxies;
        this.problems = problems;
        this.meters = meters;
        this.relay = relay;
        this.gateway = gateway;
        // what every admin may do, whichever way it signed in: the authority an issuer's token must grant
        this.adminScopes = List.of(admin.jwt().requiredAuthority());
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Map<String, Object> metadata = RouteMetadata.of(exchange);
        if (!RouteMetadata.isAdmin(metadata)) {
            HttpHeaders incoming = exchange.getRequest().getHeaders();
            if (!incoming.containsHeader(AdminSubject.HEADER) && !incoming.containsHeader(HttpHeaders.COOKIE)) {
                return chain.filter(exchange);
            }
            return chain.filter(exchange.mutate().request(request -> request.headers(headers -> {
                headers.remove(AdminSubject.HEADER);
                withoutSessionCookie(headers);
            })).build());
        }
        boolean pages = RouteMetadata.hasAdminPages(metadata);
        return authenticator.authenticate(exchange.getRequest(), pages).flatMap(verdict -> switch (verdict) {
            case Verdict.Admitted admitted when admitted.via() == Verdict.Via.SESSION
                    && crossSite.isRefused(exchange.getRequest()) -> refuseCrossSite(exchange, pages);
            case Verdict.Admitted admitted -> forward(exchange, chain, admitted);
            case Verdict.Unauthenticated unauthenticated -> challenge(exchange, unauthenticated, pages);
            case Verdict.LacksAuthority lacking -> refuse(exchange, "lacks-authority",
                    Problems.forbidden(lacking.requiredAuthority()),
                    headers -> headers.set(HttpHeaders.WWW_AUTHENTICATE, REALM + ", error=\"insufficient_scope\""));
            case Verdict.IssuerUnavailable unavailable -> refuse(exchange, "issuer-unavailable",
                    Problems.serviceUnavailable("identity-provider"), headers -> {
                    });
        });
    }

    private Mono<Void> forward(ServerWebExchange exchange, GatewayFilterChain chain, Verdict.Admitted admitted) {
        log.debug("admin {} admitted by {} for {} {} (request id {})", admitted.subject(), admitted.via(),
                exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
                RequestIdFilter.requestIdOf(exchange));
        AdminSubject.set(exchange, admitted.subject());
        String token = relay.sign(admitted.subject(), RelayTokens.KIND_ADMIN, adminScopes, audience(exchange));
        RelayTokens.set(exchange, token);
        ServerHttpRequest request = exchange.getRequest().mutate().headers(headers -> {
            headers.remove(AdminAuthenticator.API_KEY_HEADER);
            withoutSessionCookie(headers);
            headers.set(AdminSubject.HEADER, admitted.subject());
            // the caller's own credential never goes on: the service gets the gateway's signed identity instead
            headers.setBearerAuth(token);
        }).build();
        return chain.filter(exchange.mutate().request(request).build());
    }

    /** The service the route goes to: the audience of the relayed identity. */
    private String audience(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        return DownstreamService.at(route.getUri(), gateway).map(DownstreamService::serviceName)
                .orElseThrow(() -> new IllegalStateException("route " + route.getId() + " goes to no known service"));
    }

    private Mono<Void> challenge(ServerWebExchange exchange, Verdict.Unauthenticated verdict, boolean pages) {
        String challenge = verdict.credentialGiven() ? REALM + ", error=\"invalid_token\"" : REALM;
        if (pages && acceptsHtml(exchange.getRequest())) {
            count(exchange, verdict.credentialGiven() ? "invalid" : "missing");
            boolean secure = proxies.isHttps(exchange.getRequest());
            boolean staleCookie = exchange.getRequest().getCookies().getFirst(AdminSessions.COOKIE) != null;
            String next = exchange.getRequest().getURI().getRawPath()
                    + (exchange.getRequest().getURI().getRawQuery() != null
                            ? "?" + exchange.getRequest().getURI().getRawQuery() : "");
            return AdminPages.write(exchange, HttpStatus.UNAUTHORIZED,
                    AdminPages.login(next, staleCookie ? "Your session has ended. Sign in again." : null), headers -> {
                        headers.set(HttpHeaders.WWW_AUTHENTICATE, challenge);
                        if (staleCookie) {
                            headers.add(HttpHeaders.SET_COOKIE, sessions.end(secure).toString());
                        }
                    });
        }
        return refuse(exchange, verdict.credentialGiven() ? "invalid" : "missing",
                Problems.unauthorized(verdict.credentialGiven()),
                headers -> headers.set(HttpHeaders.WWW_AUTHENTICATE, challenge));
    }

    private Mono<Void> refuseCrossSite(ServerWebExchange exchange, boolean pages) {
        if (pages && acceptsHtml(exchange.getRequest())) {
            count(exchange, "cross-site");
            return AdminPages.write(exchange, HttpStatus.FORBIDDEN, AdminPages.crossSiteRefused(), headers -> {
            });
        }
        return refuse(exchange, "cross-site", Problems.crossSiteRequest(), headers -> {
        });
    }

    private Mono<Void> refuse(ServerWebExchange exchange, String reason, ProblemDetail problem,
            Consumer<HttpHeaders> headers) {
        count(exchange, reason);
        return problems.write(exchange, problem, headers);
    }

    private void count(ServerWebExchange exchange, String reason) {
        log.debug("admin route refused ({}) for {} {} (request id {})", reason, exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(), RequestIdFilter.requestIdOf(exchange));
        meters.ifAvailable(registry -> registry.counter("gateway.admin.refused", "reason", reason).increment());
    }

    /** A browser navigating: it names {@code text/html} itself (a bare {@code *}{@code /*} is an API client). */
    static boolean acceptsHtml(ServerHttpRequest request) {
        try {
            List<MediaType> accepted = request.getHeaders().getAccept();
            return accepted.stream().anyMatch(type -> type.getType().equals("text") && type.getSubtype().equals("html")
                    && type.getQualityValue() > 0);
        }
        catch (RuntimeException unreadable) {
            return false;
        }
    }

    /** Takes the gateway's session cookie out of the {@code Cookie} header, leaving the others as they were. */
    static void withoutSessionCookie(HttpHeaders headers) {
        List<String> cookies = headers.get(HttpHeaders.COOKIE);
        if (cookies == null) {
            return;
        }
        List<String> kept = cookies.stream()
                .map(line -> Arrays.stream(line.split(";")).map(String::strip)
                        .filter(pair -> !pair.isEmpty() && !pair.startsWith(AdminSessions.COOKIE + "="))
                        .collect(Collectors.joining("; ")))
                .filter(line -> !line.isEmpty()).toList();
        if (kept.isEmpty()) {
            headers.remove(HttpHeaders.COOKIE);
        }
        else {
            headers.put(HttpHeaders.COOKIE, kept);
        }
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
