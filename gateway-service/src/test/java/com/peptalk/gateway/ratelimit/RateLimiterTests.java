package com.peptalk.gateway.ratelimit;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RateLimiterTests {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void keepsABucketPerGroupAndClient() {
        RateLimiter limiter = new RateLimiter(new RateLimitProperties(100, Map.of(
                "a", new RateLimitProperties.Limit(1, 1.0), "b", new RateLimitProperties.Limit(1, 1.0))),
                Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(limiter.acquire("a", "client-1")).isZero();
        assertThat(limiter.acquire("a", "client-1")).isEqualTo(Duration.ofSeconds(1));
        assertThat(limiter.acquire("a", "client-2")).isZero();
        assertThat(limiter.acquire("b", "client-1")).isZero();
        assertThat(limiter.hasGroup("a")).isTrue();
        assertThat(limiter.hasGroup("c")).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> limiter.acquire("c", "client-1"));
    }

    @Test
    void keysIpv4ClientsByAddressAndIpv6ClientsByTheirSlash64() throws Exception {
        assertThat(ClientKeys.of(InetAddress.ofLiteral("203.0.113.7"))).isEqualTo("203.0.113.7");
        assertThat(ClientKeys.of(InetAddress.ofLiteral("2001:db8:1:2:aaaa::1")))
                .isEqualTo(ClientKeys.of(InetAddress.ofLiteral("2001:db8:1:2:bbbb::9")))
                .isEqualTo("20010db800010002::/64");
        assertThat(ClientKeys.of(InetAddress.ofLiteral("2001:db8:1:3::1"))).isNotEqualTo("20010db800010002::/64");
        assertThat(ClientKeys.of(null)).isEqualTo("unknown");
    }
}
