package com.peptalk.gateway.admin;

import com.peptalk.gateway.forwarded.TrustedProxies;
import com.peptalk.gateway.identity.GatewayCredentials;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * When Spring Security's CSRF token ({@code CsrfWebFilter}) is required: on a state-changing request a browser
 * sent with the gateway's cookies (the sign-in and sign-out forms, and admin pages opened with the session cookie)
 * unless the browser itself says it came from this site's own pages. Every current browser says so in
 * {@code Sec-Fetch-Site} (Fetch Metadata), else in {@code Origin}; the OWASP CSRF cheat sheet names both as a
 * defence of their own. So the admin pages the services serve (their forms cannot carry the gateway's token) work
 * from the gateway's origin, and a request from another site, or one that says nothing, needs the token, which only
 * the gateway's own forms have. {@code SameSite=Strict} on the session cookie is the first line.
 * <p>
 * A request that carries a header credential ({@code Authorization}, {@code X-Api-Key}) is not checked on admin
 * pages: a browser never sends those by itself, so there is nothing to forge.
 */
@Component
class SameOriginRequests {

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
            HttpMethod.TRACE);

    private final TrustedProxies proxies;

    SameOriginRequests(TrustedProxies proxies) {
        this.proxies = proxies;
    }

    /** The sign-in and sign-out forms: every state-changing request that did not come from this site. */
    ServerWebExchangeMatcher signInFormsNeedingAToken() {
        return exchange -> isCrossSiteWrite(exchange.getRequest()) ? ServerWebExchangeMatcher.MatchResult.match()
                : ServerWebExchangeMatcher.MatchResult.notMatch();
    }

    /** Admin pages: a cross-site write authenticated by the session cookie alone. */
    ServerWebExchangeMatcher pageWritesNeedingAToken() {
        return exchange -> {
            ServerHttpRequest request = exchange.getRequest();
            HttpHeaders headers = request.getHeaders();
            boolean byCookie = request.getCookies().containsKey(GatewayCredentials.SESSION_COOKIE)
                    && !headers.containsHeader(HttpHeaders.AUTHORIZATION)
                    && !headers.containsHeader(GatewayCredentials.API_KEY_HEADER);
            return byCookie && isCrossSiteWrite(request) ? ServerWebExchangeMatcher.MatchResult.match()
                    : ServerWebExchangeMatcher.MatchResult.notMatch();
        };
    }

    /** A state-changing request ({@code POST}, {@code PUT}, ...) that did not say it came from this site. */
    boolean isCrossSiteWrite(ServerHttpRequest request) {
        return !SAFE.contains(request.getMethod()) && !isSameOrigin(request);
    }

    boolean isSameOrigin(ServerHttpRequest request) {
        HttpHeaders headers = request.getHeaders();
        String fetchSite = headers.getFirst("Sec-Fetch-Site");
        if (fetchSite != null) {
            // "none": the user's own action (typed, bookmarked); "same-site" is a sibling subdomain: not us
            return fetchSite.equals("same-origin") || fetchSite.equals("none");
        }
        String origin = headers.getFirst(HttpHeaders.ORIGIN);
        return origin != null && sameAuthority(origin, proxies.requestedHost(request));
    }

    /**
     * Whether {@code origin} ({@code https://host[:port]}) names the host the request was sent to
     * ({@code host[:port]} from {@code Host}). Ports compare with the origin scheme's default filled in; the
     * scheme itself is not compared, since TLS may end at a proxy in front of the gateway.
     */
    static boolean sameAuthority(String origin, String requestedHost) {
        if (requestedHost == null || origin.equals("null")) {
            return false;
        }
        URI originUri;
        URI hostUri;
        try {
            originUri = URI.create(origin);
            hostUri = URI.create("//" + requestedHost);
        }
        catch (IllegalArgumentException malformed) {
            return false;
        }
        if (originUri.getHost() == null || hostUri.getHost() == null || originUri.getScheme() == null) {
            return false;
        }
        int defaultPort = originUri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
        int originPort = originUri.getPort() != -1 ? originUri.getPort() : defaultPort;
        int hostPort = hostUri.getPort() != -1 ? hostUri.getPort() : defaultPort;
        return originUri.getHost().toLowerCase(Locale.ROOT).equals(hostUri.getHost().toLowerCase(Locale.ROOT))
                && originPort == hostPort;
    }
}
