package com.peptalk.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The token buckets of every group, by client. Memory is bounded per group: a bucket untouched for as long as it
 * takes to fill up again is forgotten (a new one would be just as full), and each group keeps at most
 * {@code max-clients-per-group} buckets. Time comes from the application's {@link Clock}, so tests move it.
 */
@Component
public class RateLimiter {

    private final Clock clock;
    private final Map<String, Group> groups;

    public RateLimiter(RateLimitProperties properties, Clock clock) {
        this.clock = clock;
        Ticker ticker = this::nanos;
        this.groups = properties.groups().entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey,
                group -> new Group(group.getValue(), Caffeine.newBuilder()
                        .maximumSize(properties.maxClientsPerGroup())
                        .expireAfterAccess(group.getValue().timeToFill())
                        .ticker(ticker)
                        // evictions and buffer drains on the request's own thread, a few entries at a time:
                        // Caffeine's default hands them to ForkJoinPool.commonPool(), a thread woken every few
                        // requests (measured from /proc under ./run bench gateway's paced load)
                        .executor(Runnable::run)
                        .build())));
    }

    public boolean hasGroup(String group) {
        return groups.containsKey(group);
    }

    /**
     * Takes a token from {@code client}'s bucket in {@code group}: {@link Duration#ZERO} when the request may
     * go on, else how long until it could.
     */
    public Duration acquire(String group, String client) {
        Group limits = groups.get(group);
        if (limits == null) {
            throw new IllegalArgumentException("no rate limit group " + group); // routes are checked at start-up
        }
        long now = nanos();
        return Duration.ofNanos(limits.buckets().get(client, key -> new TokenBucket(limits.limit(), now)).tryTake(now));
    }

    private long nanos() {
        Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    private record Group(RateLimitProperties.Limit limit, Cache<String, TokenBucket> buckets) {
    }
}
