package com.peptalk.iframe;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/** Serves the Procore iframe: project dashboards and project-group lists, from its own read model. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ProcoreIframeServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ProcoreIframeServiceApplication.class, args);
    }

    /** "The last 7 days" end now; one clock for the whole service. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
