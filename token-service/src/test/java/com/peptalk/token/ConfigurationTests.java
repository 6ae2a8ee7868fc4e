package com.peptalk.token;

import com.peptalk.testsupport.StartupFailures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigurationTests {

    @Test
    void refusesToStartWithoutAPublicBaseUrl() {
        assertThat(StartupFailures.failureOf(TokenServiceApplication.class, "peptalk.tokens.public-base-url="))
                .contains("peptalk.tokens.publicBaseUrl", "must not be null");
    }

    @Test
    void refusesToStartWithAnInvalidGracePeriod() {
        assertThat(StartupFailures.failureOf(TokenServiceApplication.class,
                "peptalk.tokens.rotation-grace-period=soon")).contains("peptalk.tokens.rotation-grace-period");
    }
}
