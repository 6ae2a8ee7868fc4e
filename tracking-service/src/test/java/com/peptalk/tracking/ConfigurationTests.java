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

    @Test
    void refusesToStartWithAPinnedCertificateThatIsNotOneOrALinkKeyTooShort() {
        assertThat(StartupFailures.failureOf(TrackingServiceApplication.class,
                "peptalk.tracking.ses.pinned-certificates[0].url=https://sns.local/cert.pem",
                "peptalk.tracking.ses.pinned-certificates[0].pem=not a certificate"))
                .contains("peptalk.tracking.ses.pinned-certificates[0].pem");
        assertThat(StartupFailures.failureOf(TrackingServiceApplication.class,
                "peptalk.tracking.links.signing-key-id=short", "peptalk.tracking.links.keys.short=too-short-secret"))
                .contains("key 'short' must be at least 32 bytes").doesNotContain("too-short-secret");
    }
}
