package com.peptalk.gateway.routing;

import com.peptalk.gateway.GatewayProperties;

import java.net.URI;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

/**
 * The services behind the gateway. A service's name is also its circuit breaker instance, its fallback path
 * ({@code /fallback/<name>}) and its component in the {@code downstream} health group, so that the three read
 * the same in {@code application.yml}, in metrics and in {@code /actuator/health/downstream}.
 */
public enum DownstreamService {

    TOKEN("token-service", GatewayProperties.Services::token),
    PROCORE_IFRAME("procore-iframe-service", GatewayProperties.Services::procoreIframe),
    AUTOMATION("automation-service", GatewayProperties.Services::automation),
    DELIVERY("delivery-service", GatewayProperties.Services::delivery),
    TRACKING("tracking-service", GatewayProperties.Services::tracking),
    HEARTBEAT("heartbeat-service", GatewayProperties.Services::heartbeat);

    private final String serviceName;
    private final Function<GatewayProperties.Services, URI> baseUri;

    DownstreamService(String serviceName, Function<GatewayProperties.Services, URI> baseUri) {
        this.serviceName = serviceName;
        this.baseUri = baseUri;
    }

    public String serviceName() {
        return serviceName;
    }

    public URI baseUri(GatewayProperties properties) {
        return baseUri.apply(properties.services());
    }

    /** The service at {@code uri} (a route's URI: scheme, host and port compared), if any. */
    public static Optional<DownstreamService> at(URI uri, GatewayProperties properties) {
        return Arrays.stream(values()).filter(service -> sameOrigin(service.baseUri(properties), uri)).findFirst();
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(String.valueOf(b.getScheme()))
                && a.getHost().equalsIgnoreCase(String.valueOf(b.getHost())) && port(a) == port(b);
    }

    private static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    public static Optional<DownstreamService> named(String serviceName) {
        return Arrays.stream(values()).filter(service -> service.serviceName.equals(serviceName)).findFirst();
    }
}
