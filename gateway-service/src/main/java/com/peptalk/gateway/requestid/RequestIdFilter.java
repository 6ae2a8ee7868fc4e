package com.peptalk.gateway.requestid;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request an {@code X-Request-Id}: the caller's, when it is well-formed, else a new UUID. The id goes
 * downstream with the request and comes back on the response, whoever wrote it (a service, a circuit breaker
 * fallback, the gateway's own error or 404), so that one id ties a caller's complaint to every service's logs.
 * A web filter rather than a gateway filter for exactly that reason: gateway filters only see routed requests.
 */
@Component
public class RequestIdFilter implements WebFilter, Ordered {

    public static final String HEADER = "X-Request-Id";

    static final int ORDER = Ordered.HIGHEST_PRECEDENCE;

    private static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".requestId";

    /**
     * UUIDs, ULIDs and most tracing ids fit; anything longer, shorter or with other characters is replaced, so a
     * caller cannot put line breaks, markup or megabytes into every service's logs.
     */
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{8,128}");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String incoming = exchange.getRequest().getHeaders().getFirst(HEADER);
        String requestId = isWellFormed(incoming) ? incoming : UUID.randomUUID().toString();
        // an attribute, not a changed request (a copy of every header, per request): the forwarded request gets the
        // header from forwarded.GatewayOwnedHeaders, which writes it last
        exchange.getAttributes().put(ATTRIBUTE, requestId);
        // at commit rather than now: a circuit breaker fallback resets the headers the service had answered with
        exchange.getResponse().beforeCommit(() -> {
            exchange.getResponse().getHeaders().set(HEADER, requestId);
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    /** The id of the exchange's request, or {@code null} outside a request that went through this filter. */
    public static String requestIdOf(ServerWebExchange exchange) {
        return exchange.getAttribute(ATTRIBUTE);
    }

    static boolean isWellFormed(String requestId) {
        return requestId != null && WELL_FORMED.matcher(requestId).matches();
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
