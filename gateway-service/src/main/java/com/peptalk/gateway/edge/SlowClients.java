package com.peptalk.gateway.edge;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Closes connections of clients that send their request headers too slowly (slowloris): a connection gets
 * {@code peptalk.gateway.limits.header-read-timeout} to deliver a complete request header section, counted from
 * when it opened, or, on a kept-alive connection, from the first byte of the next request. A client that trickles a
 * byte every few seconds, or sends half its headers and stops, is closed then, whatever else it does; Reactor Netty
 * has no such deadline of its own (its idle timeout restarts with every byte, its read and request timeouts only
 * start once the headers are in). A kept-alive connection waiting for its next request is governed by
 * {@code server.netty.idle-timeout} instead; a request body by Reactor Netty's read timeout (the same duration
 * between two reads). The connection is closed without an answer: RFC 9110 §15.5.9 allows a 408, but a client that
 * sends headers this slowly is not waiting for one.
 */
@Component
class SlowClients implements NettyServerCustomizer {

    static final String HANDLER = "peptalk.headerReadDeadline";

    private static final Logger log = LoggerFactory.getLogger(SlowClients.class);

    private final long timeoutMillis;

    SlowClients(EdgeLimits limits) {
        this.timeoutMillis = limits.headerReadTimeout().toMillis();
    }

    @Override
    public HttpServer apply(HttpServer server) {
        return server.readTimeout(Duration.ofMillis(timeoutMillis))
                .doOnChannelInit((observer, channel, remoteAddress) -> {
                    if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                        channel.pipeline().addAfter(NettyPipeline.HttpCodec, HANDLER,
                                new HeaderReadDeadline(timeoutMillis));
                    }
                });
    }

    /**
     * Sits right after the HTTP codec: it sees each decoded request head ({@link HttpRequest}), every read of raw
     * bytes (as {@code channelReadComplete}, which the codec passes on even when the bytes made no message yet),
     * and each response's end on its way out. Not shareable: one per connection.
     */
    static final class HeaderReadDeadline extends ChannelDuplexHandler {

        private final long timeoutMillis;
        private int pendingResponses;
        private ScheduledFuture<?> deadline;

        HeaderReadDeadline(long timeoutMillis) {
            this.timeoutMillis = timeoutMillis;
        }

        @Override
        public void handlerAdded(ChannelHandlerContext ctx) {
            if (ctx.channel().isActive()) {
                arm(ctx); // a new connection: its first request is due now
            }
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) throws Exception {
            arm(ctx);
            super.channelActive(ctx);
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
            if (msg instanceof HttpRequest) {
                pendingResponses++;
                disarm();
            }
            super.channelRead(ctx, msg);
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) throws Exception {
            if (pendingResponses == 0) {
                arm(ctx); // bytes of a next request, whose head is not complete yet
            }
            super.channelReadComplete(ctx);
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
            if (msg instanceof LastHttpContent && !(msg instanceof HttpResponse response
                    && response.status().codeClass() == HttpStatusClass.INFORMATIONAL)) { // not a 100 Continue
                promise = promise.unvoid();
                promise.addListener(written -> {
                    if (pendingResponses > 0) {
                        pendingResponses--;
                    }
                });
            }
            super.write(ctx, msg, promise);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            disarm();
            super.channelInactive(ctx);
        }

        @Override
        public void handlerRemoved(ChannelHandlerContext ctx) {
            disarm();
        }

        private void arm(ChannelHandlerContext ctx) {
            if (deadline == null) {
                deadline = ctx.executor().schedule(() -> {
                    deadline = null;
                    if (pendingResponses == 0 && ctx.channel().isActive()) {
                        log.debug("closing {}: no complete request headers within {} ms", ctx.channel().remoteAddress(),
                                timeoutMillis);
                        ctx.close();
                    }
                }, timeoutMillis, TimeUnit.MILLISECONDS);
            }
        }

        private void disarm() {
            if (deadline != null) {
                deadline.cancel(false);
                deadline = null;
            }
        }
    }
}
