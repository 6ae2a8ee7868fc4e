package com.peptalk.gateway;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The gateway on a random port in front of the six fake services and a fake identity provider. Every test class
 * that extends this shares one Spring context. The response timeout is short so that a slow service costs a test
 * two seconds, not ten (one second was too short for the first call to a cold fake on a busy two-core machine); the
 * health timeout is long, since a busy two-core machine can take more than a second over a cold first check. Admin keys, session key and (small) rate limits come from the {@code test} profile; the
 * clock stands still unless a test moves it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "peptalk.gateway.response-timeout=2s",
        "peptalk.gateway.health-timeout=5s",
        "peptalk.gateway.frame-ancestors=https://*.procore.com,https://procore.example.test",
        "peptalk.gateway.admin.jwt.audience=" + FakeIdentityProvider.AUDIENCE })
@ActiveProfiles("test")
@Import(MovableClock.Replacing.class)
abstract class GatewayTest {

    static final String FRAME_ANCESTORS = "frame-ancestors https://*.procore.com https://procore.example.test";

    /** An admin API key of the test profile (its SHA-256 is configured); its subject: */
    static final String ADMIN_KEY = "test-admin-key-4f9c2a7e1b3d5f6a8c0e2b4d6f8a1c3e";
    static final String ADMIN_SUBJECT = "api-key:a43cd6c3f486";

    /** The other admin API key of the test profile. */
    static final String SECOND_ADMIN_KEY = "second-admin-key-9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a";
    static final String SECOND_ADMIN_SUBJECT = "api-key:41e6fc40d144";

    @LocalServerPort
    int port;

    /** The actuator's own port ({@code management.server.port}; a free one in the tests). */
    @LocalManagementPort
    int managementPort;

    @Autowired
    CircuitBreakerRegistry circuitBreakers;

    @Autowired
    MovableClock clock;

    @DynamicPropertySource
    static void fakeServices(DynamicPropertyRegistry registry) {
        FakeServices.register(registry);
        registry.add("peptalk.gateway.admin.jwt.issuer-uri", FakeIdentityProvider::issuer);
    }

    /**
     * Tests share the fakes, the breakers and the rate limits: each starts from healthy services, closed circuits
     * and full buckets (an hour later, every bucket has filled up again).
     */
    @BeforeEach
    void healthyServicesClosedCircuitsAndFullBuckets() {
        FakeServices.reset();
        circuitBreakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
        clock.advance(Duration.ofHours(1));
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** On the management port: the actuator is not on the public one. */
    String managementUrl(String path) {
        return "http://localhost:" + managementPort + path;
    }

    /** The admin key as a bearer token. */
    static Map<String, String> asAdmin() {
        return asAdmin(Map.of());
    }

    /** {@code headers} and the admin key as a bearer token. */
    static Map<String, String> asAdmin(Map<String, String> headers) {
        Map<String, String> withKey = new HashMap<>(headers);
        withKey.put("Authorization", "Bearer " + ADMIN_KEY);
        return withKey;
    }
}
