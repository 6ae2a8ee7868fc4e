package com.peptalk.gateway.forwarded;

import com.peptalk.gateway.GatewayProperties;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TrustedProxiesTests {

    private final TrustedProxies proxies = new TrustedProxies(new GatewayProperties(null, Duration.ofSeconds(1),
            Duration.ofSeconds(1), Duration.ofSeconds(1), List.of("'self'"), List.of("10.0.0.0/8", "fd00::/8")));

    @Test
    void ignoresForwardedHeadersFromAnUntrustedConnection() {
        MockServerHttpRequest request = from("198.51.100.7").header("X-Forwarded-For", "203.0.113.1")
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "admin.example").build();

        assertThat(proxies.clientAddress(request)).isEqualTo(address("198.51.100.7"));
        assertThat(proxies.isHttps(request)).isFalse();
        assertThat(proxies.requestedHost(request)).isEqualTo("gateway.internal:8080");
    }

    @Test
    void takesTheFirstUntrustedHopFromTheRight() {
        MockServerHttpRequest request = from("10.0.0.2")
                .header("X-Forwarded-For", "192.0.2.66, 203.0.113.1", "10.1.2.3").build();

        // 10.1.2.3 is a second trusted proxy; 192.0.2.66 was written by the client and is not believed
        assertThat(proxies.clientAddress(request)).isEqualTo(address("203.0.113.1"));
    }

    @Test
    void readsHopsWithPortsAndIpv6Hops() {
        assertThat(proxies.clientAddress(from("10.0.0.2").header("X-Forwarded-For", "203.0.113.1:4711").build()))
                .isEqualTo(address("203.0.113.1"));
        assertThat(proxies.clientAddress(from("fd00::1").header("X-Forwarded-For", "[2001:db8::7]:443").build()))
                .isEqualTo(address("2001:db8::7"));
        assertThat(proxies.clientAddress(from("10.0.0.2").header("X-Forwarded-For", "2001:db8::8").build()))
                .isEqualTo(address("2001:db8::8"));
    }

    @Test
    void stopsAtTheProxyThatPassedOnAMalformedHop() {
        MockServerHttpRequest request = from("10.0.0.2").header("X-Forwarded-For", "203.0.113.1, unknown").build();

        assertThat(proxies.clientAddress(request)).isEqualTo(address("10.0.0.2"));
        assertThat(TrustedProxies.parseHop("evil.example")).isNull();
    }

    @Test
    void believesSchemeAndHostFromATrustedProxy() {
        MockServerHttpRequest request = from("10.0.0.2").header("X-Forwarded-Proto", "https, http")
                .header("X-Forwarded-Host", "Peptalk.Example.com").build();

        assertThat(proxies.isHttps(request)).isTrue();
        assertThat(proxies.requestedHost(request)).isEqualTo("peptalk.example.com");
    }

    @Test
    void parsesAddressesAndBlocksButNoHostNames() {
        assertThat(AddressRange.parse("10.0.0.0/8").contains(address("10.255.0.1"))).isTrue();
        assertThat(AddressRange.parse("10.0.0.0/8").contains(address("11.0.0.1"))).isFalse();
        assertThat(AddressRange.parse("192.168.1.77/30").contains(address("192.168.1.76"))).isTrue();
        assertThat(AddressRange.parse("192.168.1.77/30").contains(address("192.168.1.80"))).isFalse();
        assertThat(AddressRange.parse("127.0.0.1").contains(address("127.0.0.2"))).isFalse();
        assertThat(AddressRange.parse("fd00::/8").contains(address("fd12::1"))).isTrue();
        assertThat(AddressRange.parse("fd00::/8").contains(address("10.0.0.1"))).isFalse();
        assertThat(AddressRange.parse("0.0.0.0/0").contains(address("203.0.113.1"))).isTrue();
        for (String invalid : new String[] { "proxy.example", "10.0.0.0/33", "10.0.0.0/", "fd00::/129", "" }) {
            assertThatIllegalArgumentException().as(invalid).isThrownBy(() -> AddressRange.parse(invalid));
        }
    }

    private static MockServerHttpRequest.BaseBuilder<?> from(String address) {
        return MockServerHttpRequest.get("http://gateway.internal:8080/api/kiosks/heartbeats")
                .remoteAddress(new InetSocketAddress(address(address), 50_000));
    }

    private static InetAddress address(String literal) {
        return InetAddress.ofLiteral(literal);
    }
}
