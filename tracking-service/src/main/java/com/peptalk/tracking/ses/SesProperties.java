package com.peptalk.tracking.ses;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.util.List;

/**
 * Settings of the SES notifications that SNS posts to {@code /webhooks/ses}.
 *
 * @param topicArns the SNS topics whose messages are accepted (and whose subscriptions are confirmed); none: every
 *        message is refused
 * @param certificateHost the host a signing certificate (and a SubscribeURL) may come from, a regular expression
 *        matched against the whole host; AWS: {@code sns.<region>.amazonaws.com}
 * @param certificatePath the path a signing certificate may have, a regular expression matched against the whole
 *        path; AWS: {@code /SimpleNotificationService-<id>.pem}
 * @param pinnedCertificates certificates known in advance: a SigningCertURL equal to a pinned {@code url} uses its
 *        {@code pem} and is never fetched (the local sandbox signs with such a certificate)
 * @param fetchTimeout how long fetching a certificate or confirming a subscription may take
 */
@Validated
@ConfigurationProperties("peptalk.tracking.ses")
record SesProperties(@NotNull @DefaultValue List<@NotBlank String> topicArns,
        @NotBlank @DefaultValue("sns\\.[a-z0-9-]+\\.amazonaws\\.com(\\.cn)?") String certificateHost,
        @NotBlank @DefaultValue("/SimpleNotificationService-[A-Za-z0-9]+\\.pem") String certificatePath,
        @NotNull @DefaultValue List<@Valid PinnedCertificate> pinnedCertificates,
        @NotNull @DefaultValue("5s") Duration fetchTimeout) {

    /**
     * @param url the SigningCertURL this certificate stands for
     * @param pem the certificate, PEM text
     */
    record PinnedCertificate(@NotBlank String url, @NotBlank String pem) {
    }
}
