package com.peptalk.gateway.edge;

import com.peptalk.gateway.problems.ProblemResponses;
import com.peptalk.gateway.problems.Problems;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.handler.codec.http.HttpVersion;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Refuses, before routing, requests whose size, method or {@code Host} the gateway does not serve:
 * <ul>
 * <li>a request line over {@code peptalk.gateway.limits.max-request-line} (4 KB): 414 (RFC 9110 §15.5.15); headers
 * over {@code max-header-size} (8 KB): 431 (RFC 6585 §5). Reactor Netty decodes up to a higher hard ceiling
 * (64 KB, {@code application.yml}) so that these answers are problem documents with the gateway's headers, not
 * Netty's bare ones;</li>
 * <li>a method other than {@code GET HEAD POST PUT PATCH DELETE OPTIONS}: {@code TRACE} and {@code CONNECT} (known,
 * never served) get 405 with {@code Allow}; any other name gets 501 (RFC 9110 §9.1: a method the server does not
 * recognise). So no invented method reaches a route, a service or a per-route metric;</li>
 * <li>more than one {@code Host} header, or none on an HTTP/1.1 request: 400 (RFC 9112 §3.2: "A server MUST respond
 * with a 400 (Bad Request) status code to any HTTP/1.1 request message that lacks a Host header field and to any
 * request message that contains more than one Host header field line"). HTTP/1.0 may leave it out.</li>
 * </ul>
 * Answers are problem documents; the refusal is counted in {@code gateway_edge_refused_total{reason}}.
 */
@Component
class RequestShape implements WebFilter, Ordered {

    /** After the request id and the security headers, so that the refusal carries both; before the path guard. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 15;

    static final Set<HttpMethod> SERVED = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST, HttpMethod.PUT,
            HttpMethod.PATCH, HttpMethod.DELETE, HttpMethod.OPTIONS);

    static final String ALLOW = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";

    private static final Set<String> KNOWN_NOT_SERVED = Set.of("TRACE", "CONNECT");

    private final long maxRequestLine;
    private final long maxHeaderSize;
    private final ProblemResponses problems;
    private final ObjectProvider<MeterRegistry> meters;

    RequestShape(EdgeLimits limits, ProblemResponses problems, ObjectProvider<MeterRegistry> meters) {
        this.maxRequestLine = limits.maxRequestLine().toBytes();
        this.maxHeaderSize = limits.maxHeaderSize().toBytes();
        this.problems = problems;
        this.meters = meters;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (requestLineLength(request) > maxRequestLine) {
            return refuse(exchange, "uri-too-long", Problems.uriTooLong(maxRequestLine), headers -> {
            });
        }
        if (headerSectionSize(request.getHeaders()) > maxHeaderSize) {
            return refuse(exchange, "header-fields-too-large", Problems.headerFieldsTooLarge(maxHeaderSize),
                    headers -> {
                    });
        }
        HttpMethod method = request.getMethod();
        if (!SERVED.contains(method)) {
            if (KNOWN_NOT_SERVED.contains(method.name())) {
                return refuse(exchange, "method-not-allowed", Problems.methodNotAllowed(ALLOW),
                        headers -> headers.set(HttpHeaders.ALLOW, ALLOW));
            }
            return refuse(exchange, "method-not-implemented", Problems.methodNotImplemented(ALLOW), headers -> {
            });
        }
        List<String> hosts = request.getHeaders().get(HttpHeaders.HOST);
        int count = hosts == null ? 0 : hosts.size();
        if (count > 1 || count == 0 && isHttp11(request)) {
            return refuse(exchange, count > 1 ? "several-hosts" : "no-host",
                    Problems.badRequest(count > 1 ? "The request has more than one Host header."
                            : "An HTTP/1.1 request needs a Host header."), headers -> {
                    });
        }
        return chain.filter(exchange);
    }

    private Mono<Void> refuse(ServerWebExchange exchange, String reason, ProblemDetail problem,
            Consumer<HttpHeaders> headers) {
        meters.ifAvailable(registry -> registry.counter("gateway.edge.refused", "reason", reason).increment());
        return problems.write(exchange, problem, headers);
    }

    /** {@code METHOD SP request-target SP HTTP-version}, as the client sent it (RFC 9112 §3). */
    static long requestLineLength(ServerHttpRequest request) {
        Object nativeRequest = ServerHttpRequestDecorator.getNativeRequest(request);
        String target = nativeRequest instanceof HttpServerRequest netty ? netty.uri()
                : request.getURI().getRawPath()
                        + (request.getURI().getRawQuery() != null ? "?" + request.getURI().getRawQuery() : "");
        return request.getMethod().name().length() + 1L + target.length() + 1 + "HTTP/1.1".length();
    }

    /** Each field line as {@code name: value} and its CRLF (RFC 9112 §5), as Netty counts towards its own limit. */
    static long headerSectionSize(HttpHeaders headers) {
        long size = 0;
        for (var header : headers.headerSet()) {
            for (String value : header.getValue()) {
                size += header.getKey().length() + 2L + value.length() + 2;
            }
        }
        return size;
    }

    private static boolean isHttp11(ServerHttpRequest request) {
        Object nativeRequest = ServerHttpRequestDecorator.getNativeRequest(request);
        return nativeRequest instanceof HttpServerRequest netty
                && netty.version().equals(HttpVersion.HTTP_1_1);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
