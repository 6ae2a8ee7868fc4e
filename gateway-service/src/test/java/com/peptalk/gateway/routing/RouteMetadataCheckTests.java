package com.peptalk.gateway.routing;

import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.route.RouteDefinition;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

class RouteMetadataCheckTests {

    @Test
    void acceptsRoutesThatSayWhoAuthenticatesAndWhatLimitsThem() {
        assertThatNoException().isThrownBy(() -> check(
                route("iframe", Map.of("authentication", "api-token", "rate-limit", "iframe", "frameable", true)),
                route("pages", Map.of("authentication", "admin", "admin-pages", true, "rate-limit", "admin")),
                route("api", Map.of("authentication", "admin"))));
    }

    @Test
    void refusesAMisspeltOrMissingAuthentication() {
        assertThatIllegalStateException().isThrownBy(() -> check(
                route("typo", Map.of("authentication", "adnim", "rate-limit", "admin")),
                route("none", Map.of("rate-limit", "admin"))))
                .withMessageContaining("routes[0] (typo) metadata.authentication must be one of "
                        + "[admin, api-token, kiosk-token, provider-signature], not adnim")
                .withMessageContaining("routes[1] (none) metadata.authentication must be one of");
    }

    @Test
    void refusesAPublicRouteWithoutARateLimit() {
        assertThatIllegalStateException().isThrownBy(() -> check(
                route("webhooks", Map.of("authentication", "provider-signature"))))
                .withMessageContaining("routes[0] (webhooks) metadata.rate-limit is required");
    }

    @Test
    void refusesAdminPagesOnARouteTheGatewayDoesNotAuthenticate() {
        assertThatIllegalStateException().isThrownBy(() -> check(route("iframe",
                Map.of("authentication", "api-token", "rate-limit", "iframe", "admin-pages", true))))
                .withMessageContaining("routes[0] (iframe) metadata.admin-pages is for admin routes only");
    }

    private void check(RouteDefinition... routes) {
        GatewayProperties gateway = new GatewayProperties();
        gateway.setRoutes(List.of(routes));
        new RouteMetadataCheck(gateway).afterSingletonsInstantiated();
    }

    private static RouteDefinition route(String id, Map<String, Object> metadata) {
        RouteDefinition route = new RouteDefinition("Path=/x/**");
        route.setId(id);
        route.setMetadata(metadata);
        return route;
    }
}
