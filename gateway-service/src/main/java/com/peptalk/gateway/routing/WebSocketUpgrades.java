package com.peptalk.gateway.routing;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Offers no protocol upgrade on a route that is not a WebSocket route. Spring Cloud Gateway turns any request with
 * {@code Upgrade: websocket} into a WebSocket proxy whatever the route (its {@code WebsocketRoutingFilter} switches
 * {@code http} to {@code ws}), so a caller could open a long-lived tunnel to a service that never meant to offer one.
 * Unless the route's metadata says {@code websocket: true} (none does today), the {@code Upgrade} header and the
 * {@code upgrade} option of {@code Connection} are removed (with the
 * handshake's {@code Sec-WebSocket-*} headers), and the request is forwarded as the plain HTTP request
 * it also is (RFC 9110 §7.8: a server may ignore an upgrade).
 */
@Component
class WebSocketUpgrades implements GlobalFilter, Ordered {

    /** Before everything else the gateway does for a route, certainly before the WebSocket routing filter. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE;

    static final String WEBSOCKET = "websocket";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        HttpHeaders incoming = exchange.getRequest().getHeaders();
        if (!incoming.containsHeader(HttpHeaders.UPGRADE)
                || Boolean.parseBoolean(String.valueOf(RouteMetadata.of(exchange).get(WEBSOCKET)))) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate().request(request -> request.headers(headers -> {
            headers.remove(HttpHeaders.UPGRADE);
            // the handshake's own headers mean nothing without it
            List.copyOf(headers.headerNames()).stream()
                    .filter(name -> name.regionMatches(true, 0, "Sec-WebSocket-", 0, 14)).forEach(headers::remove);
            List<String> options = headers.getConnection().stream()
                    .flatMap(line -> Arrays.stream(line.split(","))).map(String::strip)
                    .filter(option -> !option.isEmpty() && !option.equalsIgnoreCase(HttpHeaders.UPGRADE)).toList();
            if (options.isEmpty()) {
                headers.remove(HttpHeaders.CONNECTION);
            }
            else {
                headers.set(HttpHeaders.CONNECTION, options.stream().collect(Collectors.joining(", ")));
            }
        })).build());
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
