package com.peptalk.delivery.ses;

import com.peptalk.delivery.messages.DeliveryProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.SesV2ClientBuilder;

import java.util.Map;

/**
 * The SES v2 client: one call per send (Resilience4j retries, not the SDK), bounded by the configured timeout; and the
 * emails' tracking links, signed when {@code peptalk.delivery.tracking-links.enabled}.
 */
@Configuration(proxyBeanMethods = false)
class SesConfiguration {

    @Bean(destroyMethod = "close")
    SesV2Client sesV2Client(SesProperties settings) {
        AwsCredentialsProvider credentials = settings.accessKeyId() == null || settings.accessKeyId().isBlank()
                ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKeyId(),
                        settings.secretAccessKey()));
        SesV2ClientBuilder builder = SesV2Client.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(settings.callTimeout())
                        .socketTimeout(settings.callTimeout()))
                .overrideConfiguration(config -> config
                        .retryStrategy(RetryMode.STANDARD)
                        .retryStrategy(strategy -> strategy.maxAttempts(1))
                        .apiCallTimeout(settings.callTimeout()));
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        }
        return builder.build();
    }

    @Bean
    TrackingLinks trackingLinks(TrackingLinkProperties settings) {
        if (!settings.enabled()) {
            return new NoTrackingLinks();
        }
        return new SignedTrackingLinks(new com.peptalk.trackinglinks.TrackingLinks(settings.publicBaseUrl(),
                settings.signingKeyId(), Map.of(settings.signingKeyId(), settings.signingKey())));
    }

    @Bean
    SesEmailProvider sesEmailProvider(SesV2Client ses, SesProperties settings, DeliveryProperties delivery,
            TrackingLinks links) {
        return new SesEmailProvider(ses, settings, delivery, links);
    }
}
