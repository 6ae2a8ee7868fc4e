package com.peptalk.gateway.routing;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Refuses to start with a route whose metadata the filters would misread: a missing or unknown
 * {@code authentication} (a typo must not make an admin route public), a route the gateway does not authenticate
 * without a {@code rate-limit}. (That each {@code rate-limit} group is configured is the rate limit's own check.)
 */
@Component
class RouteMetadataCheck implements SmartInitializingSingleton {

    private static final String ROUTES = "spring.cloud.gateway.server.webflux.routes";

    private final GatewayProperties gateway;

    RouteMetadataCheck(GatewayProperties gateway) {
        this.gateway = gateway;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<String> problems = new ArrayList<>();
        List<RouteDefinition> routes = gateway.getRoutes();
        for (int i = 0; i < routes.size(); i++) {
            problems.addAll(problemsOf(ROUTES + "[" + i + "] (" + routes.get(i).getId() + ")",
                    routes.get(i).getMetadata()));
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Route metadata: " + String.join("; ", problems));
        }
    }

    private List<String> problemsOf(String route, Map<String, Object> metadata) {
        List<String> problems = new ArrayList<>();
        Object authentication = metadata.get(RouteMetadata.AUTHENTICATION);
        if (authentication == null || !RouteMetadata.AUTHENTICATIONS.contains(authentication.toString())) {
            problems.add(route + " metadata." + RouteMetadata.AUTHENTICATION + " must be one of "
                    + RouteMetadata.AUTHENTICATIONS.stream().sorted().toList() + ", not " + authentication);
        }
        String group = RouteMetadata.rateLimitGroup(metadata);
        if (group == null && !RouteMetadata.isAdmin(metadata)) {
            problems.add(route + " metadata." + RouteMetadata.RATE_LIMIT
                    + " is required: the gateway does not authenticate its callers");
        }
        if (metadata.containsKey(RouteMetadata.ADMIN_PAGES) && !RouteMetadata.isAdmin(metadata)) {
            problems.add(route + " metadata." + RouteMetadata.ADMIN_PAGES + " is for admin routes only");
        }
        return problems;
    }
}
