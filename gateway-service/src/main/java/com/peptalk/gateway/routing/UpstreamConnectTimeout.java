package com.peptalk.gateway.routing;

import com.peptalk.gateway.GatewayProperties;
import io.netty.channel.ChannelOption;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.stereotype.Component;
import reactor.netty.http.client.HttpClient;

/**
 * Applies {@code peptalk.gateway.connect-timeout} to the client the gateway forwards with. The gateway's own
 * {@code httpclient.connect-timeout} is a bare number of milliseconds, so a placeholder to our validated
 * {@link java.time.Duration} ({@code 2s}) would not bind; the response timeout is a duration on both sides and
 * stays a placeholder in {@code application.yml}.
 */
@Component
class UpstreamConnectTimeout implements HttpClientCustomizer {

    private final int connectTimeoutMillis;

    UpstreamConnectTimeout(GatewayProperties properties) {
        this.connectTimeoutMillis = Math.toIntExact(properties.connectTimeout().toMillis());
    }

    @Override
    public HttpClient customize(HttpClient httpClient) {
        return httpClient.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectTimeoutMillis);
    }
}
