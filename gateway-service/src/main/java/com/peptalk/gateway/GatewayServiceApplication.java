package com.peptalk.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/**
 * The platform's one public entry point: routes HTTP to the services (routes are configured in
 * {@code application.yml}), with admin authentication, rate limits, timeouts, circuit breakers, request ids and
 * security headers. Owns no data.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayServiceApplication.class, args);
    }

    /** The time of rate limit refills and session expiry: tests replace it to move time without waiting. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
