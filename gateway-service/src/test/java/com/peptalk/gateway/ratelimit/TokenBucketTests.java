package com.peptalk.gateway.ratelimit;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketTests {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void startsFullAndSaysHowLongUntilTheNextTokenOnceEmpty() {
        TokenBucket bucket = new TokenBucket(new RateLimitProperties.Limit(3, 0.5), 0);

        assertThat(bucket.tryTake(0)).isZero();
        assertThat(bucket.tryTake(0)).isZero();
        assertThat(bucket.tryTake(0)).isZero();
        assertThat(bucket.tryTake(0)).isEqualTo(2 * SECOND);
        assertThat(bucket.tryTake(SECOND)).isEqualTo(SECOND);
        assertThat(bucket.tryTake(2 * SECOND)).isZero();
    }

    @Test
    void neverHoldsMoreThanItsCapacity() {
        TokenBucket bucket = new TokenBucket(new RateLimitProperties.Limit(2, 10.0), 0);

        long anHourLater = 3600 * SECOND;
        assertThat(bucket.tryTake(anHourLater)).isZero();
        assertThat(bucket.tryTake(anHourLater)).isZero();
        assertThat(bucket.tryTake(anHourLater)).isEqualTo(SECOND / 10);
    }

    @Test
    void refillsFractionsOfATokenContinuously() {
        TokenBucket bucket = new TokenBucket(new RateLimitProperties.Limit(1, 0.1), 0);
        bucket.tryTake(0);

        assertThat(bucket.tryTake(4 * SECOND)).isEqualTo(6 * SECOND);
        assertThat(bucket.tryTake(10 * SECOND)).isZero();
    }

    @Test
    void refillsNothingWhenTheClockGoesBack() {
        TokenBucket bucket = new TokenBucket(new RateLimitProperties.Limit(1, 1.0), 10 * SECOND);
        bucket.tryTake(10 * SECOND);

        assertThat(bucket.tryTake(5 * SECOND)).isEqualTo(SECOND);
    }

    @Test
    void roundsRetryAfterUpToWholeSeconds() {
        assertThat(ClientKeys.retryAfterSeconds(Duration.ofMillis(1))).isEqualTo(1);
        assertThat(ClientKeys.retryAfterSeconds(Duration.ofSeconds(2))).isEqualTo(2);
        assertThat(ClientKeys.retryAfterSeconds(Duration.ofMillis(2_001))).isEqualTo(3);
    }
}
