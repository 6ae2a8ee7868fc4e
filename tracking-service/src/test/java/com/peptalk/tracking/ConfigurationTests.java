package com.peptalk.tracking;

import com.peptalk.testsupport.StartupFailures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigurationTests {

    @Test
    void refusesToStartWithAMissingOrInvalidSetting() {
        assertThat(StartupFailures.failureOf(TrackingServiceApplication.class, "peptalk.tracking.public-base-url=")).contains("peptalk.tracking.publicBaseUrl");
    }

    @Test
    void refusesToStartWithAValueOfTheWrongKind() {
        assertThat(StartupFailures.failureOf(TrackingServiceApplication.class, "peptalk.tracking.webhook-log-retention=forever")).contains("peptalk.tracking.webhook-log-retention");
    }
}
