package com.peptalk.gateway.ratelimit;

import com.peptalk.gateway.forwarded.TrustedProxies;
import com.peptalk.gateway.identity.Caller;
import com.peptalk.gateway.problems.ProblemResponses;
import com.peptalk.gateway.problems.Problems;
import com.peptalk.gateway.requestid.RequestIdFilter;
import com.peptalk.gateway.routing.RouteMetadata;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * Limits the requests of each client on every route with {@code rate-limit} metadata: a 429 problem with
 * {@code Retry-After} once the client's bucket in the route's group is empty. The client is the admin's subject
 * on admin routes (so admins sharing an office address do not share a limit), its address everywhere else
 * ({@link TrustedProxies}). After admin authentication (Spring Security's web filters run before any route's
 * filters), so that only admins count against admin limits.
 */
@Component
class RateLimitFilter implements GlobalFilter, Ordered {

    static final int ORDER = -100;

    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);

    private final RateLimiter limiter;
    private final TrustedProxies proxies;
    private final ProblemResponses problems;
    private final ObjectProvider<MeterRegistry> meters;

    RateLimitFilter(RateLimiter limiter, TrustedProxies proxies, ProblemResponses problems,
            ObjectProvider<MeterRegistry> meters) {
        this.limiter = limiter;
        this.proxies = proxies;
        this.problems = problems;
        this.meters = meters;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        String group = RouteMetadata.rateLimitGroup(RouteMetadata.of(exchange));
        if (group == null) {
            return chain.filter(exchange);
        }
        Caller caller = Caller.of(exchange);
        String client = caller != null ? caller.kind() + " " + caller.subject()
                : ClientKeys.of(proxies.clientAddress(exchange.getRequest()));
        Duration wait = limiter.acquire(group, client);
        if (wait.isZero()) {
            return chain.filter(exchange);
        }
        long retryAfter = ClientKeys.retryAfterSeconds(wait);
        log.debug("rate limit {} reached by {} on {} {} (request id {})", group, client,
                exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
                RequestIdFilter.requestIdOf(exchange));
        meters.ifAvailable(registry -> registry.counter("gateway.rate.limited", "group", group).increment());
        return problems.write(exchange, Problems.tooManyRequests(retryAfter),
                headers -> headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter)));
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
