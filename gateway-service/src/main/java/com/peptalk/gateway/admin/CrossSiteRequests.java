package com.peptalk.gateway.admin;

import com.peptalk.gateway.forwarded.TrustedProxies;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses state-changing requests that a browser sent on behalf of another site (CSRF), where the browser's
 * cookie is the credential: admin pages and the login form. {@code SameSite=Strict} already keeps the cookie off
 * such requests in current browsers; this is the second line. The browser says where a request comes from in
 * {@code Sec-Fetch-Site} (every current browser), else in {@code Origin}; a state-changing request that says
 * neither is refused too, since a browser always sends {@code Origin} with a form post.
 */
@Component
class CrossSiteRequests {

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
            HttpMethod.TRACE);

    private final TrustedProxies proxies;

    CrossSiteRequests(TrustedProxies proxies) {
        this.proxies = proxies;
    }

    /** A state-changing request ({@code POST}, {@code PUT}, ...) that did not come from this site's own pages. */
    boolean isRefused(ServerHttpRequest request) {
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
