package com.peptalk.gateway.ratelimit;

import com.peptalk.gateway.routing.RouteMetadata;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Refuses to start with a route whose {@code rate-limit} metadata names a group that is not configured in
 * {@code peptalk.gateway.rate-limits.groups}: its callers would otherwise not be limited at all.
 */
@Component
class RateLimitGroupsCheck implements SmartInitializingSingleton {

    private static final String ROUTES = "spring.cloud.gateway.server.webflux.routes";

    private final GatewayProperties gateway;
    private final RateLimiter rateLimiter;

    RateLimitGroupsCheck(GatewayProperties gateway, RateLimiter rateLimiter) {
        this.gateway = gateway;
        this.rateLimiter = rateLimiter;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<String> problems = new ArrayList<>();
        List<RouteDefinition> routes = gateway.getRoutes();
        for (int i = 0; i < routes.size(); i++) {
            String group = RouteMetadata.rateLimitGroup(routes.get(i).getMetadata());
            if (group != null && !rateLimiter.hasGroup(group)) {
                problems.add(ROUTES + "[" + i + "] (" + routes.get(i).getId() + ") metadata." + RouteMetadata.RATE_LIMIT
                        + " names " + group + ", which is not configured in peptalk.gateway.rate-limits.groups");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Route metadata: " + String.join("; ", problems));
        }
    }
}
