package com.peptalk.gateway;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A service that answers every request at once with a small 200 ({@code ok}), on the event loop of a Reactor Netty
 * server: a fake that is never the bottleneck, for bounded load through the gateway. Started once per test JVM.
 */
final class FastBackend {

    private static final AtomicInteger REQUESTS = new AtomicInteger();
    private static final AtomicReference<HttpHeaders> LAST_HEADERS = new AtomicReference<>();

    private static final DisposableServer SERVER = HttpServer.create().host("127.0.0.1").port(0)
            .handle((request, response) -> {
                REQUESTS.incrementAndGet();
                LAST_HEADERS.set(request.requestHeaders().copy());
                return request.receive().then(response.header(HttpHeaderNames.CONTENT_TYPE, "text/plain")
                        .sendString(Mono.just("ok")).then());
            })
            .bindNow();

    static String baseUri() {
        return "http://127.0.0.1:" + SERVER.port();
    }

    static int requests() {
        return REQUESTS.get();
    }

    /** The headers of the last request it received. */
    static HttpHeaders lastHeaders() {
        return LAST_HEADERS.get();
    }

    private FastBackend() {
    }
}
