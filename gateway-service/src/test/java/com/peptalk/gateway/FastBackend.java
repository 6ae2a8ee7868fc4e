package com.peptalk.gateway;

import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A service that answers every request at once with a small 200 ({@code ok}), on the event loop of a Reactor Netty
 * server: a fake that is never the bottleneck, for bounded load through the gateway. Started once per test JVM.
 */
final class FastBackend {

    private static final AtomicInteger REQUESTS = new AtomicInteger();

    private static final DisposableServer SERVER = HttpServer.create().host("127.0.0.1").port(0)
            .handle((request, response) -> {
                REQUESTS.incrementAndGet();
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

    private FastBackend() {
    }
}
