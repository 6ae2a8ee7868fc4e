package com.peptalk.tracking;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/** Takes in what providers, mail clients and kiosks tell us, verifies it, logs it and publishes it as events. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TrackingServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(TrackingServiceApplication.class, args);
    }

    /** The one clock every timestamp and age check of the service reads (UTC); tests may replace it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
