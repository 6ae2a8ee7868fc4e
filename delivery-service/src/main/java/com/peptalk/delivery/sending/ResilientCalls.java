package com.peptalk.delivery.sending;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import org.springframework.stereotype.Component;

import java.util.function.Supplier;

/**
 * A provider call through its Resilience4j instances, all named after the provider and configured in
 * {@code application.yml} ({@code resilience4j.*.instances.ses|twilio}), in Resilience4j's documented order:
 * retry around the circuit breaker around the rate limiter around the bulkhead. So each retry is one more call
 * through the circuit breaker (which counts it), waits for a rate-limit permit, and takes a bulkhead slot.
 */
@Component
class ResilientCalls {

    private final RetryRegistry retries;
    private final CircuitBreakerRegistry circuitBreakers;
    private final RateLimiterRegistry rateLimiters;
    private final BulkheadRegistry bulkheads;

    ResilientCalls(RetryRegistry retries, CircuitBreakerRegistry circuitBreakers, RateLimiterRegistry rateLimiters,
            BulkheadRegistry bulkheads) {
        this.retries = retries;
        this.circuitBreakers = circuitBreakers;
        this.rateLimiters = rateLimiters;
        this.bulkheads = bulkheads;
    }

    ProviderAnswer send(ChannelProvider provider, OutgoingMessage message) {
        String name = provider.name();
        Supplier<ProviderAnswer> call = () -> provider.send(message);
        Supplier<ProviderAnswer> limited = Bulkhead.decorateSupplier(bulkheads.bulkhead(name), call);
        Supplier<ProviderAnswer> paced = RateLimiter.decorateSupplier(rateLimiters.rateLimiter(name), limited);
        Supplier<ProviderAnswer> guarded = CircuitBreaker.decorateSupplier(circuitBreakers.circuitBreaker(name), paced);
        return Retry.decorateSupplier(retries.retry(name), guarded).get();
    }
}
