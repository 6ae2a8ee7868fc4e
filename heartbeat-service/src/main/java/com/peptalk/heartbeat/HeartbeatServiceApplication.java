package com.peptalk.heartbeat;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/** Knows which kiosks are online, late or offline, since when, and how that changed. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class HeartbeatServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(HeartbeatServiceApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
