package com.peptalk.gateway.forwarded;

import com.peptalk.gateway.admin.AdminSubject;
import com.peptalk.gateway.identity.RelayTokens;
import com.peptalk.gateway.requestid.RequestIdFilter;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
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
 * (RFC 9110 §7.6.1): {@code Connection: keep-alive, X-Admin-Subject} would otherwise strip the subject the gateway
 * had set. Here:
 * <ul>
 * <li>{@code X-Request-Id}: the exchange's id ({@link RequestIdFilter});</li>
 * <li>{@code X-Admin-Subject}: the admin the gateway authenticated, on admin routes; removed everywhere else;</li>
 * <li>{@code Authorization} on admin routes: the gateway's signed identity of the caller ({@link RelayTokens});
 * elsewhere the caller's own {@code Authorization} goes on untouched (Procore's webhooks use it);</li>
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

    GatewayOwnedHeaders(TrustedProxies proxies) {
        this.proxies = proxies;
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(input);
        CLIENT_ADDRESS_HEADERS.forEach(headers::remove);
        headers.remove(REAL_IP);
        headers.remove(AdminSubject.HEADER);
        headers.remove(RequestIdFilter.HEADER);
        InetAddress client = proxies.clientAddress(exchange.getRequest());
        if (client != null) {
            headers.set(REAL_IP, client.getHostAddress());
        }
        String subject = AdminSubject.of(exchange);
        if (subject != null) {
            headers.set(AdminSubject.HEADER, subject);
        }
        String relayed = RelayTokens.of(exchange);
        if (relayed != null) {
            headers.setBearerAuth(relayed);
        }
        String requestId = RequestIdFilter.requestIdOf(exchange);
        if (requestId != null) {
            headers.set(RequestIdFilter.HEADER, requestId);
        }
        return headers;
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
