package com.peptalk.gateway;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway with the Procore iframe route going to {@link FastBackend} (the other services are the WireMock
 * fakes), short connection timeouts (idle and header read: 2 s), and 5 s for a service's answer on a slow machine.
 * One context, shared by the classes that extend this: bounded load, slow clients.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "peptalk.gateway.response-timeout=5s",
        "server.netty.idle-timeout=2s",
        "peptalk.gateway.limits.header-read-timeout=2s" })
@ActiveProfiles("test")
abstract class FastServiceGatewayTest {

    @LocalServerPort
    int port;

    @Autowired
    CircuitBreakerRegistry circuitBreakers;

    @DynamicPropertySource
    static void fastIframeService(DynamicPropertyRegistry registry) {
        FakeServices.register(registry);
        registry.add("peptalk.gateway.services.procore-iframe", FastBackend::baseUri); // the last value counts
    }

    @BeforeEach
    void closedCircuits() {
        circuitBreakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }
}
