package com.peptalk.gateway.routing;

import org.springframework.cloud.gateway.route.Route;
import org.springframework.web.server.ServerWebExchange;

import java.util.Map;
import java.util.Set;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

/**
 * What a route's {@code metadata} in {@code application.yml} says about its callers, for the filters that act on
 * it. Checked at start-up by {@link RouteMetadataCheck}.
 * <ul>
 * <li>{@code authentication}: who authenticates the caller. {@code admin}: the gateway, with an admin credential;
 * {@code api-token}, {@code provider-signature}, {@code kiosk-token}: the service, so the gateway lets the request
 * through (rate limited).</li>
 * <li>{@code admin-pages: true}: an admin route that serves pages to browsers, where the session cookie of
 * {@code /admin/login} counts and an unauthenticated browser gets the sign-in page.</li>
 * <li>{@code rate-limit}: the group ({@code peptalk.gateway.rate-limits.groups.<name>}) that limits its callers;
 * required on every route the gateway does not authenticate.</li>
 * </ul>
 */
public final class RouteMetadata {

    public static final String AUTHENTICATION = "authentication";
    public static final String ADMIN = "admin";
    public static final String ADMIN_PAGES = "admin-pages";
    public static final String RATE_LIMIT = "rate-limit";

    /** Every value {@code authentication} may take; only {@code admin} is checked by the gateway itself. */
    static final Set<String> AUTHENTICATIONS = Set.of(ADMIN, "api-token", "provider-signature", "kiosk-token");

    /** The metadata of the route the request matched; empty for the gateway's own endpoints and 404s. */
    public static Map<String, Object> of(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
        return route != null ? route.getMetadata() : Map.of();
    }

    public static boolean isAdmin(Map<String, Object> metadata) {
        return ADMIN.equals(String.valueOf(metadata.get(AUTHENTICATION)));
    }

    public static boolean hasAdminPages(Map<String, Object> metadata) {
        return isAdmin(metadata) && Boolean.parseBoolean(String.valueOf(metadata.get(ADMIN_PAGES)));
    }

    /** The route's rate limit group, or {@code null}. */
    public static String rateLimitGroup(Map<String, Object> metadata) {
        Object group = metadata.get(RATE_LIMIT);
        return group != null ? group.toString() : null;
    }

    private RouteMetadata() {
    }
}
