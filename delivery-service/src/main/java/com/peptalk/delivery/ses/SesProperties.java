package com.peptalk.delivery.ses;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.net.URI;
import java.time.Duration;

/**
 * How email goes through AWS SES (SESv2).
 *
 * @param region the AWS region of the SES account
 * @param endpoint an endpoint override (tests point it at WireMock), or null for AWS's own
 * @param configurationSet the configuration set whose event destination (SNS) reports to tracking
 * @param accessKeyId static credentials, or null for the SDK's default chain (environment, instance role)
 * @param secretAccessKey the secret of {@code accessKeyId}; never logged, left out of {@link #toString()}
 * @param callTimeout how long one SendEmail call may take before it counts as a (transient) timeout
 */
@Validated
@ConfigurationProperties("peptalk.delivery.ses")
record SesProperties(@NotBlank @DefaultValue("us-east-1") String region, URI endpoint,
        @NotBlank @DefaultValue("peptalk-events") String configurationSet, String accessKeyId, String secretAccessKey,
        @NotNull @DefaultValue("10s") @DurationMin(millis = 100) @DurationMax(minutes = 2) Duration callTimeout) {

    @Override
    public String toString() {
        return "SesProperties[region=" + region + ", endpoint=" + endpoint + ", configurationSet=" + configurationSet
                + ", accessKeyId=" + accessKeyId + ", secretAccessKey=" + (secretAccessKey == null ? null : "***")
                + ", callTimeout=" + callTimeout + "]";
    }
}
