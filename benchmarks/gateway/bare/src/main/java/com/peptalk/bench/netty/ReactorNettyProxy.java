package com.peptalk.bench.netty;

import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.ConnectionProvider;

/**
 * The smallest proxy Reactor Netty (the HTTP engine under Spring Cloud Gateway) can be: every request forwarded to
 * one backend with its method, URI, headers and body, the answer copied back; no routing, no filters, no Spring.
 * {@code ./run bench gateway} measures it beside nginx and the gateways as the floor of any proxy built on Reactor
 * Netty on this machine. Arguments: {@code <port> <backend base URL>}.
 */
public final class ReactorNettyProxy {

    private ReactorNettyProxy() {
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        HttpClient backend = HttpClient.create(ConnectionProvider.create("backend", 1000)).baseUrl(args[1]);
        DisposableServer server = HttpServer.create()
                .host("127.0.0.1")
                .port(port)
                .handle((request, response) -> backend
                        .headers(headers -> headers.set(request.requestHeaders()))
                        .request(request.method())
                        .uri(request.uri())
                        .send(request.receive().retain())
                        .response((answer, body) -> response.status(answer.status())
                                .headers(answer.responseHeaders())
                                .send(body.retain()))
                        .then())
                .bindNow();
        server.onDispose().block();
    }
}
