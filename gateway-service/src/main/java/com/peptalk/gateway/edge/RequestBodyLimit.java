package com.peptalk.gateway.edge;

import com.peptalk.gateway.problems.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Refuses request bodies larger than {@code peptalk.gateway.limits.max-body-size} with a 413 problem
 * (RFC 9110 §15.5.14, "Content Too Large"): at once when {@code Content-Length} says so, and while reading when a
 * chunked body grows past it. A web filter, before routing: the refusal is the gateway's own and never reaches a
 * route's circuit breaker, so it cannot count as the service's failure. The body is read (and buffered for the
 * fallback) outside the circuit breaker too, so a chunked body that is too large fails there, also as a 413.
 */
@Component
class RequestBodyLimit implements WebFilter, Ordered {

    /** After the request id, the security headers and the path guard, so that the refusal carries them. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 30;

    private final long maxBytes;

    RequestBodyLimit(EdgeLimits limits) {
        this.maxBytes = limits.maxBodySize().toBytes();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        long declared = request.getHeaders().getContentLength();
        if (declared > maxBytes) {
            return Mono.error(new ContentTooLargeException(maxBytes));
        }
        if (declared >= 0) {
            return chain.filter(exchange); // the server reads no more than Content-Length
        }
        return chain.filter(exchange.mutate().request(new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                AtomicLong read = new AtomicLong();
                return super.getBody().handle((buffer, sink) -> {
                    if (read.addAndGet(buffer.readableByteCount()) > maxBytes) {
                        DataBufferUtils.release(buffer);
                        sink.error(new ContentTooLargeException(maxBytes));
                    }
                    else {
                        sink.next(buffer);
                    }
                });
            }
        }).build());
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    /** A body over the limit; answered as {@link Problems#contentTooLarge(long)}. */
    static final class ContentTooLargeException extends ResponseStatusException {

        ContentTooLargeException(long maxBytes) {
            super(HttpStatus.CONTENT_TOO_LARGE, Problems.contentTooLarge(maxBytes).getDetail());
        }
    }
}
