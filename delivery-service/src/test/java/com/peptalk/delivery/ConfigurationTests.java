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
}
