package com.peptalk.heartbeat;

import com.peptalk.testsupport.StartupFailures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigurationTests {

    @Test
    void refusesToStartWithAMissingOrInvalidSetting() {
        assertThat(StartupFailures.failureOf(HeartbeatServiceApplication.class, "peptalk.heartbeats.expected-interval=1ms")).contains("peptalk.heartbeats.expectedInterval");
    }

    @Test
    void refusesToStartWithAValueOfTheWrongKind() {
        assertThat(StartupFailures.failureOf(HeartbeatServiceApplication.class, "peptalk.heartbeats.grace=a-while")).contains("peptalk.heartbeats.grace");
    }
}
