package com.peptalk.gateway.routing;

import com.peptalk.gateway.problems.CallersPath;
import com.peptalk.gateway.problems.ProblemResponses;
import com.peptalk.gateway.problems.Problems;
import com.peptalk.gateway.requestid.RequestIdFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR;

/**
 * Where each route's circuit breaker forwards a failed call ({@code fallbackUri: forward:/fallback/<service>}):
 * a 504 problem when the service was too slow, a 503 problem when it could not be reached or its circuit is
 * open. The Procore iframe's route answers a readable page instead (with {@code Retry-After}): it is shown inside
 * Procore's frame, where JSON means nothing to anyone. The path is not secret, but called directly (without a
 * failure behind it) it is a plain 404.
 */
@Configuration(proxyBeanMethods = false)
class CircuitBreakerFallback {

    private static final Logger log = LoggerFactory.getLogger(CircuitBreakerFallback.class);

    private static final String RETRY_AFTER_SECONDS = "30";

    /** Says nothing of the request (the address holds the api_token) and links nowhere. */
    private static final String OUTAGE_PAGE = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
            <meta name="referrer" content="no-referrer"><title>Temporarily unavailable · Peptalk</title></head>
            <body style="font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem">
            <h1>Temporarily unavailable</h1>
            <p>Peptalk cannot show this page right now. Try again in a minute.</p></body></html>
            """;

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
        boolean timeout = NotAServiceFailure.isTimeout(cause);
        if (service.get() == DownstreamService.PROCORE_IFRAME) {
            return ServerResponse.status(timeout ? HttpStatus.GATEWAY_TIMEOUT : HttpStatus.SERVICE_UNAVAILABLE)
                    .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                    .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).bodyValue(OUTAGE_PAGE);
        }
        return problems.render(request.exchange(),
                timeout ? Problems.gatewayTimeout(name) : Problems.serviceUnavailable(name));
    }
}
