package com.peptalk.gateway.ratelimit;

/**
 * One client's bucket in one group. Starts full; each request takes a token; tokens come back continuously at
 * the group's rate, up to its capacity. Refilled lazily from the time elapsed, so an idle bucket costs nothing.
 */
final class TokenBucket {

    private final double capacity;
    private final double tokensPerNano;
    private double tokens;
    private long updatedAt;

    TokenBucket(RateLimitProperties.Limit limit, long nowNanos) {
        this.capacity = limit.capacity();
        this.tokensPerNano = limit.refillPerSecond() / 1e9;
        this.tokens = capacity;
        this.updatedAt = nowNanos;
    }

    /** Takes a token: {@code 0} when there was one, else the nanoseconds until there will be. */
    synchronized long tryTake(long nowNanos) {
        long elapsed = Math.max(0, nowNanos - updatedAt); // a clock set back refills nothing
        tokens = Math.min(capacity, tokens + elapsed * tokensPerNano);
        updatedAt = Math.max(updatedAt, nowNanos);
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - tokens) / tokensPerNano));
    }
}
