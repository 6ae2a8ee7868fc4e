package com.peptalk.automation;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/** Runs communication workflows: triggers and cadence rules in, {@code SendRequested} out. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AutomationServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(AutomationServiceApplication.class, args);
    }

    /** The time everything here is stamped with; tests of cadence and quiet hours pass instants instead. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
