package com.peptalk.gateway.routing;

import com.peptalk.gateway.problems.CallersPath;
import com.peptalk.gateway.problems.ProblemResponses;
import com.peptalk.gateway.problems.Problems;
import com.peptalk.gateway.requestid.RequestIdFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

import java.util.Optional;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR;

/**
 * Where each route's circuit breaker forwards a failed call ({@code fallbackUri: forward:/fallback/<service>}):
 * a 504 problem when the service was too slow, a 503 problem when it could not be reached or its circuit is
 * open. The path is not secret, but called directly (without a failure behind it) it is a plain 404.
 */
@Configuration(proxyBeanMethods = false)
class CircuitBreakerFallback {

    private static final Logger log = LoggerFactory.getLogger(CircuitBreakerFallback.class);

    @Bean
    RouterFunction<ServerResponse> circuitBreakerFallbackRoute(ProblemResponses problems) {
        return RouterFunctions.route().path("/fallback/{service}",
                builder -> builder.route(request -> true, request -> fallback(request, problems))).build();
    }

    private static Mono<ServerResponse> fallback(ServerRequest request, ProblemResponses problems) {
        Optional<Object> failure = request.attribute(CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        Optional<DownstreamService> service = DownstreamService.named(request.pathVariable("service"));
        if (failure.isEmpty() || service.isEmpty()) {
            return problems.render(request.exchange(), Problems.notFound());
        }
        String name = service.get().serviceName();
        Throwable cause = (Throwable) failure.get();
        log.warn("{} failed for {} {} (request id {}): {}", name, request.method(),
                CallersPath.of(request.exchange()), RequestIdFilter.requestIdOf(request.exchange()), cause.toString());
        return problems.render(request.exchange(),
                NotAServiceFailure.isTimeout(cause) ? Problems.gatewayTimeout(name) : Problems.serviceUnavailable(name));
    }
}
