package com.peptalk.iframe;

import com.peptalk.testsupport.StartupFailures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigurationTests {

    @Test
    void refusesFrameAncestorsThatWouldLetAnySiteFrameThePagesOrSmuggleInDirectives() {
        assertThat(StartupFailures.failureOf(ProcoreIframeServiceApplication.class,
                "peptalk.iframe.frame-ancestors=*")).contains("peptalk.iframe", "frameAncestors");
        assertThat(StartupFailures.failureOf(ProcoreIframeServiceApplication.class,
                "peptalk.iframe.frame-ancestors=https://*.procore.com; script-src *"))
                .contains("peptalk.iframe", "frameAncestors");
        assertThat(StartupFailures.failureOf(ProcoreIframeServiceApplication.class,
                "peptalk.iframe.frame-ancestors=")).contains("peptalk.iframe", "frameAncestors");
    }

    @Test
    void refusesToStartWithAValueOfTheWrongKind() {
        assertThat(StartupFailures.failureOf(ProcoreIframeServiceApplication.class,
                "peptalk.iframe.retry-after=whenever")).contains("peptalk.iframe.retry-after");
        assertThat(StartupFailures.failureOf(ProcoreIframeServiceApplication.class,
                "peptalk.token-client.cache-ttl=whenever")).contains("peptalk.token-client.cache-ttl");
    }

    @Test
    void refusesToStartWithoutWhereTokenServiceIs() {
        assertThat(StartupFailures.failureOf(ProcoreIframeServiceApplication.class, "peptalk.token-client.url="))
                .contains("peptalk.token-client.url");
    }
}
