package com.peptalk.delivery;

import com.peptalk.testsupport.StartupFailures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigurationTests {

    @Test
    void refusesToStartWithAMissingOrInvalidSetting() {
        assertThat(StartupFailures.failureOf(DeliveryServiceApplication.class, "peptalk.delivery.email-from=")).contains("peptalk.delivery.emailFrom");
    }

    @Test
    void refusesToStartWithAValueOfTheWrongKind() {
        assertThat(StartupFailures.failureOf(DeliveryServiceApplication.class, "peptalk.delivery.sms-from=0800-PEPTALK")).contains("peptalk.delivery.smsFrom");
    }

    @Test
    void refusesToStartWithAMalformedProviderSetting() {
        assertThat(StartupFailures.failureOf(DeliveryServiceApplication.class, "peptalk.delivery.twilio.account-sid=AC123"))
                .contains("peptalk.delivery.twilio.accountSid");
        assertThat(StartupFailures.failureOf(DeliveryServiceApplication.class,
                "peptalk.delivery.sandbox.ses.topic-arn=not-an-arn")).contains("peptalk.delivery.sandbox.ses.topicArn");
    }

    @Test
    void refusesToStartWithTrackingLinksEnabledButAShortKeyWithoutShowingIt() {
        String failure = StartupFailures.failureOf(DeliveryServiceApplication.class,
                "peptalk.delivery.tracking-links.signing-key=short-secret-of-the-links");
        assertThat(failure).contains("'peptalk.delivery.tracking-links' on field 'signingKeyUsable'").doesNotContain("short-secret-of-the-links");
        assertThat(StartupFailures.failureOf(DeliveryServiceApplication.class,
                "peptalk.delivery.tracking-links.public-base-url=ftp://peptalk.test"))
                .contains("'peptalk.delivery.tracking-links' on field 'publicBaseUrlUsable'");
    }
}
