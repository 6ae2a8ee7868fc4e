package com.peptalk.iframe;

import com.peptalk.testsupport.StartupFailures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigurationTests {

    @Test
    void refusesToStartWithAMissingOrInvalidSetting() {
        assertThat(StartupFailures.failureOf(ProcoreIframeServiceApplication.class, "peptalk.iframe.token-service-url=")).contains("peptalk.iframe.tokenServiceUrl");
    }

    @Test
    void refusesToStartWithAValueOfTheWrongKind() {
        assertThat(StartupFailures.failureOf(ProcoreIframeServiceApplication.class, "peptalk.iframe.introspection-cache-ttl=whenever")).contains("peptalk.iframe.introspection-cache-ttl");
    }
}
