package com.peptalk.automation;

import com.peptalk.testsupport.StartupFailures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigurationTests {

    @Test
    void refusesToStartWithAMissingOrInvalidSetting() {
        assertThat(StartupFailures.failureOf(AutomationServiceApplication.class, "peptalk.automation.default-time-zone=Mars/Olympus_Mons")).contains("peptalk.automation.default-time-zone");
    }

    @Test
    void refusesToStartWithAValueOfTheWrongKind() {
        assertThat(StartupFailures.failureOf(AutomationServiceApplication.class, "peptalk.automation.cadence-tick=often")).contains("peptalk.automation.cadence-tick");
    }
}
