package com.peptalk.gateway.health;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Duration;

/**
 * One downstream service is UP when its own readiness probe answers 2xx within the timeout. Details carry the
 * status or the kind of failure, never the service's address (the gateway's actuator is reachable from outside).
 */
class DownstreamHealthIndicator implements ReactiveHealthIndicator {

    private final WebClient client;
    private final URI readiness;
    private final Duration timeout;

    DownstreamHealthIndicator(WebClient client, URI baseUri, Duration timeout) {
        this.client = client;
        this.readiness = baseUri.resolve("/actuator/health/readiness");
        this.timeout = timeout;
    }

    @Override
    public Mono<Health> health() {
        return client.get().uri(readiness)
                .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode()))
                .timeout(timeout)
                .map(status -> status.is2xxSuccessful() ? Health.up().build()
                        : Health.down().withDetail("status", status.value()).build())
                .onErrorResume(failure -> Mono.just(Health.down()
                        .withDetail("error", failure.getClass().getSimpleName()).build()));
    }
}
