package com.peptalk.gateway.problems;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Remembers the path the caller asked for. A circuit breaker forwards a failed request to its fallback by
 * rewriting the request's path, and the fallback's problem document must still name the caller's path as its
 * {@code instance}, not {@code /fallback/...}.
 */
@Component
public class CallersPath implements WebFilter, Ordered {

    private static final String ATTRIBUTE = CallersPath.class.getName() + ".path";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getAttributes().put(ATTRIBUTE, exchange.getRequest().getURI().getRawPath());
        return chain.filter(exchange);
    }

    /** The raw path the caller asked for. */
    public static String of(ServerWebExchange exchange) {
        String path = exchange.getAttribute(ATTRIBUTE);
        return path != null ? path : exchange.getRequest().getURI().getRawPath();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
