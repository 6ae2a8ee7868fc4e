package com.peptalk.gateway.routing;

import com.peptalk.gateway.GatewayProperties;
import io.netty.channel.ChannelOption;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.stereotype.Component;
import reactor.netty.http.client.HttpClient;

import java.time.Duration;

/**
 * Applies {@code peptalk.gateway.connect-timeout} and {@code peptalk.gateway.response-timeout} to the Reactor Netty
 * client the gateway forwards with.
 * <ul>
 * <li>The connect timeout: Spring Cloud Gateway's own {@code httpclient.connect-timeout} is a bare number of
 * milliseconds, so a placeholder to our validated {@link Duration} ({@code 2s}) would not bind.</li>
 * <li>The response timeout is Reactor Netty's ({@link HttpClient#responseTimeout(Duration)}: at most this long
 * without a read while the response is awaited or read, so also the time to the response headers), not Spring
 * Cloud Gateway's {@code httpclient.response-timeout}, which is deliberately left unset: that one wraps every
 * forwarded call in Reactor's {@code timeout} operator, a timer scheduled on, and cancelled from, Reactor's
 * parallel scheduler per request, waking one of its threads each time. Reactor Netty's is a timer on the
 * connection's own event loop. Measured ({@code ./run bench gateway}, against the previous build in the same rounds,
 * 2026-11-30): p50 under a steady moderate load 2.24 ms instead of 3.01 ms, 1.06-1.13x the requests per second at
 * saturation. It fails the
 * call with Netty's {@link io.netty.handler.timeout.ReadTimeoutException}, which {@link NotAServiceFailure} counts
 * as the service's failure and the fallback answers as a 504.</li>
 * </ul>
 */
@Component
class UpstreamTimeouts implements HttpClientCustomizer {

    private final int connectTimeoutMillis;

    private final Duration responseTimeout;

    UpstreamTimeouts(GatewayProperties properties) {
        this.connectTimeoutMillis = Math.toIntExact(properties.connectTimeout().toMillis());
        this.responseTimeout = properties.responseTimeout();
    }

    @Override
    public HttpClient customize(HttpClient httpClient) {
        return httpClient.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectTimeoutMillis)
                .responseTimeout(responseTimeout);
    }
}
