package com.peptalk.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import reactor.netty.ReactorNetty;

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
        acceptConnectionsOnTheirOwnThread();
        SpringApplication.run(GatewayServiceApplication.class, args);
    }

    /**
     * New connections are accepted on a thread of their own ({@code reactor.netty.ioSelectCount=1}) instead of on
     * one of the event loops that serve requests (Reactor Netty's default). Under full load those loops accepted a
     * burst of new connections late: at 256 connections opened at once, some of the first requests waited 1 to 3 s
     * before the gateway saw them (its own request timers said 0.2 s at most; wrk counted timeouts), and with an
     * acceptor thread the slowest answered in 0.3 s ({@code ./run bench gateway}). Must run before Reactor Netty
     * creates its loops; an operator's {@code -Dreactor.netty.ioSelectCount} is kept.
     */
    static void acceptConnectionsOnTheirOwnThread() {
        if (System.getProperty(ReactorNetty.IO_SELECT_COUNT) == null) {
            System.setProperty(ReactorNetty.IO_SELECT_COUNT, "1");
        }
    }

    /** The time of rate limit refills and session expiry: tests replace it to move time without waiting. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
