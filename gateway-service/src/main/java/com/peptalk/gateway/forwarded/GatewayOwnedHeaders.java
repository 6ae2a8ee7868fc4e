package com.peptalk.gateway.forwarded;

import com.peptalk.gateway.GatewayProperties;
import com.peptalk.gateway.identity.Caller;
import com.peptalk.gateway.identity.GatewayCredentials;
import com.peptalk.gateway.identity.RelayTokens;
import com.peptalk.gateway.requestid.RequestIdFilter;
import com.peptalk.gateway.routing.DownstreamService;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import java.net.InetAddress;
import java.util.List;

/**
 * The last word on the headers a service receives that say who is calling: the gateway writes them, the caller can
 * neither set nor remove them. Applied to every forwarded request after Spring Cloud Gateway's own header filters,
 * in particular after the hop-by-hop filter, which removes every header the caller lists in {@code Connection}
 * (RFC 9110 §7.6.1): {@code Connection: keep-alive, Authorization} would otherwise strip the identity the gateway
 * had set. Here:
 * <ul>
 * <li>{@code X-Request-Id}: the exchange's id ({@link RequestIdFilter});</li>
 * <li>{@code Authorization} on admin routes: the gateway's signed identity of the caller ({@link Caller},
 * {@link RelayTokens}), for the service the route goes to; elsewhere the caller's own {@code Authorization} goes
 * on untouched (Procore's webhooks use it);</li>
 * <li>the credentials only the gateway reads ({@link GatewayCredentials}): the session and CSRF cookies, removed on
 * every route; the admin API key header, removed on admin routes;</li>
 * <li>{@code X-Real-IP}: the client's address as {@link TrustedProxies} reads it (the connection's, or what a
 * trusted proxy says); whatever the caller sent is replaced;</li>
 * <li>other "client address" headers that some services or libraries believe ({@code True-Client-IP},
 * {@code X-Client-IP}, {@code CF-Connecting-IP}, {@code Fastly-Client-IP}, {@code X-Cluster-Client-IP}): removed.
 * {@code X-Forwarded-*} and {@code Forwarded} are removed by Spring Cloud Gateway itself (no
 * {@code spring.cloud.gateway.server.webflux.trusted-proxies} is set).</li>
 * </ul>
 */
@Component
public class GatewayOwnedHeaders implements HttpHeadersFilter, Ordered {

    public static final String REAL_IP = "X-Real-IP";

    static final List<String> CLIENT_ADDRESS_HEADERS = List.of("True-Client-IP", "X-Client-IP", "CF-Connecting-IP",
            "Fastly-Client-IP", "X-Cluster-Client-IP");

    private final TrustedProxies proxies;
    private final RelayTokens relay;
    private final GatewayProperties gateway;

    GatewayOwnedHeaders(TrustedProxies proxies, RelayTokens relay, GatewayProperties gateway) {
        this.proxies = proxies;
        this.relay = relay;
        this.gateway = gateway;
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(input);
        CLIENT_ADDRESS_HEADERS.forEach(headers::remove);
        headers.remove(REAL_IP);
        GatewayCredentials.removeCookies(headers);
        headers.remove(RequestIdFilter.HEADER);
        InetAddress client = proxies.clientAddress(exchange.getRequest());
        if (client != null) {
            headers.set(REAL_IP, client.getHostAddress());
        }
        Caller caller = Caller.of(exchange);
        if (caller != null) {
            // the caller's own credential never goes on: the service gets the gateway's signed identity instead
            headers.remove(GatewayCredentials.API_KEY_HEADER);
            headers.setBearerAuth(relay.sign(caller, audience(exchange)));
        }
        String requestId = RequestIdFilter.requestIdOf(exchange);
        if (requestId != null) {
            headers.set(RequestIdFilter.HEADER, requestId);
        }
        return headers;
    }

    /** The service the route goes to: the audience of the relayed identity. */
    private String audience(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        return DownstreamService.at(route.getUri(), gateway).map(DownstreamService::serviceName)
                .orElseThrow(() -> new IllegalStateException("route " + route.getId() + " goes to no known service"));
    }

    @Override
    public boolean supports(Type type) {
        return type == Type.REQUEST;
    }

    /** After every other headers filter, the hop-by-hop one ({@code LOWEST_PRECEDENCE - 1}) included. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
