package com.peptalk.bench.baregateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Spring Cloud Gateway with the one route of {@code application.yml} and no code of ours: the floor that
 * {@code ./run bench gateway} sets beside nginx and the real gateway, so that the table tells the framework's cost
 * per request from what the gateway adds.
 */
@SpringBootApplication
public class BareGatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(BareGatewayApplication.class, args);
    }
}
