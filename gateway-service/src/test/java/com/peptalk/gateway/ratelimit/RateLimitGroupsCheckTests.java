package com.peptalk.gateway.ratelimit;

import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.route.RouteDefinition;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

class RateLimitGroupsCheckTests {

    private final RateLimiter rateLimiter = new RateLimiter(new RateLimitProperties(100,
            Map.of("iframe", new RateLimitProperties.Limit(10, 1.0), "admin", new RateLimitProperties.Limit(10, 1.0))),
            Clock.systemUTC());

    @Test
    void acceptsRoutesWhoseGroupsAreConfiguredOrThatNameNone() {
        assertThatNoException().isThrownBy(() -> check(route("iframe", Map.of("rate-limit", "iframe")),
                route("api", Map.of("authentication", "admin"))));
    }

    @Test
    void refusesAGroupThatIsNotConfigured() {
        assertThatIllegalStateException().isThrownBy(() -> check(route("iframe", Map.of("rate-limit", "iframe")),
                route("kiosks", Map.of("authentication", "kiosk-token", "rate-limit", "kiosk"))))
                .withMessageContaining("routes[1] (kiosks) metadata.rate-limit names kiosk, which is not configured");
    }

    private void check(RouteDefinition... routes) {
        GatewayProperties gateway = new GatewayProperties();
        gateway.setRoutes(List.of(routes));
        new RateLimitGroupsCheck(gateway, rateLimiter).afterSingletonsInstantiated();
    }

    private static RouteDefinition route(String id, Map<String, Object> metadata) {
        RouteDefinition route = new RouteDefinition("Path=/x/**");
        route.setId(id);
        route.setMetadata(metadata);
        return route;
    }
}
