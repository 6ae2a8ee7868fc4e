package com.peptalk.gateway;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway on a random port in front of the six fake services. Every test class that extends this shares one
 * Spring context. The response timeout is short so that a slow service costs a test one second, not ten; the
 * health timeout is long, since a busy two-core machine can take more than a second over a cold first check.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "peptalk.gateway.response-timeout=1s",
        "peptalk.gateway.health-timeout=5s",
        "peptalk.gateway.frame-ancestors=https://*.procore.com,https://procore.example.test" })
abstract class GatewayTest {

    static final String FRAME_ANCESTORS = "frame-ancestors https://*.procore.com https://procore.example.test";

    @LocalServerPort
    int port;

    @Autowired
    CircuitBreakerRegistry circuitBreakers;

    @DynamicPropertySource
    static void fakeServices(DynamicPropertyRegistry registry) {
        FakeServices.register(registry);
    }

    /** Tests share the fakes and the breakers: each starts from healthy services and closed circuits. */
    @BeforeEach
    void healthyServicesAndClosedCircuits() {
        FakeServices.reset();
        circuitBreakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }
}
