package com.peptalk.tracking;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Takes in what providers, mail clients and kiosks tell us, verifies it, logs it and publishes it as events. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TrackingServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(TrackingServiceApplication.class, args);
    }
}
