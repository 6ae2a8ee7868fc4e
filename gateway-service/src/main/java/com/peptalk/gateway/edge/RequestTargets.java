package com.peptalk.gateway.edge;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;

/**
 * Gives every request target an answer the platform can stand behind, before Spring sees it (Spring WebFlux
 * answers a target it cannot parse as a URI with a bare 400 and no body; Reactor Netty answers a request line or
 * header section over its decoder ceiling with a bare 414/431):
 * <ul>
 *   <li>the characters clients send raw ({@code { } | [ ] ^ ` " < >}, and {@code \} in a query; e.g. an unexpanded
 *       Procore placeholder {@code {{procore.project.id}}}) and raw non-ASCII bytes are percent-encoded (RFC 3986
 *       §2.1), so the request goes on (issue 7: unknown launch parameters are ignored, not refused);</li>
 *   <li>a target that stays malformed (an invalid percent escape such as {@code %FF%} or {@code %u002e}, a
 *       backslash, a control character or a space in the path) is a 400 problem document;</li>
 *   <li>a request line or header section over the decoder ceiling is a 414 / 431 problem document;</li>
 * </ul>
 * The answers carry the security headers and close the connection; they quote nothing of the request.
 */
@Component
class RequestTargets implements NettyServerCustomizer {

    static final String HANDLER = "peptalk.requestTargets";

    /** Raw in a query (and some in a path) as clients send them; not allowed there by RFC 3986. */
    private static final String ENCODE_IN_QUERY = "{}|[]^`\"<>\\";

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, remoteAddress) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, HANDLER, new Repair());
            }
        });
    }

    /**
     * The target, with what browsers send raw percent-encoded; {@code null} when it cannot be made a valid URI
     * reference. Targets not in origin form ({@code /path?query}) are left to the server.
     */
    static String repaired(String target) {
        if (target.isEmpty() || target.charAt(0) != '/') {
            return target;
        }
        int question = target.indexOf('?');
        String path = question < 0 ? target : target.substring(0, question);
        String query = question < 0 ? null : target.substring(question + 1);
        StringBuilder out = new StringBuilder(target.length() + 16);
        if (!append(out, path, false)) {
            return null;
        }
        if (query != null) {
            out.append('?');
            if (!append(out, query, true)) {
                return null;
            }
        }
        String result = out.toString();
        try {
            new URI(result);
            return result;
        }
        catch (URISyntaxException ex) {
            return null;
        }
    }

    private static boolean append(StringBuilder out, String part, boolean query) {
        // query: whether this is the query (a backslash is encoded there, refused in a path)
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c == '%') {
                if (i + 2 >= part.length() || Character.digit(part.charAt(i + 1), 16) < 0
                        || Character.digit(part.charAt(i + 2), 16) < 0) {
                    return false;
                }
                out.append(c);
            }
            else if (c <= 0x20 || c == 0x7f) {
                return false;
            }
            else if (c > 0x7f) {
                // the request line is read as ISO-8859-1: each such char is one raw byte
                if (c > 0xff) {
                    return false;
                }
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
            else if (c == '\\' && !query) {
                // a backslash in a path is a separator to some servers and not to others: never guessed
                return false;
            }
            else if (ENCODE_IN_QUERY.indexOf(c) >= 0) {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
            else {
                out.append(c);
            }
        }
        return true;
    }

    /** One per connection, right after the HTTP codec. */
    static final class Repair extends ChannelInboundHandlerAdapter {

        private boolean refused;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (refused) {
                ReferenceCountUtil.release(msg);
                return;
            }
            if (msg instanceof HttpRequest request) {
                HttpResponseStatus status = null;
                String detail = null;
                if (request.decoderResult().isFailure()) {
                    Throwable cause = request.decoderResult().cause();
                    if (cause instanceof TooLongHttpLineException) {
                        status = HttpResponseStatus.REQUEST_URI_TOO_LONG;
                        detail = "the request line is longer than the gateway accepts";
                    }
                    else if (cause instanceof TooLongHttpHeaderException || cause instanceof TooLongFrameException) {
                        status = HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
                        detail = "the header fields are larger than the gateway accepts";
                    }
                    else {
                        status = HttpResponseStatus.BAD_REQUEST;
                        detail = "the request line or a header field cannot be parsed";
                    }
                }
                else {
                    String target = repaired(request.uri());
                    if (target == null) {
                        status = HttpResponseStatus.BAD_REQUEST;
                        detail = "the address is malformed (an invalid percent escape, a backslash, a control "
                                + "character or a space)";
                    }
                    else if (!target.equals(request.uri())) {
                        request.setUri(target);
                    }
                }
                if (status != null) {
                    refused = true;
                    ReferenceCountUtil.release(msg);
                    ctx.writeAndFlush(problem(status, detail)).addListener(ChannelFutureListener.CLOSE);
                    return;
                }
            }
            ctx.fireChannelRead(msg);
        }

        private static FullHttpResponse problem(HttpResponseStatus status, String detail) {
            String type = switch (status.code()) {
                case 414 -> "uri-too-long";
                case 431 -> "headers-too-large";
                default -> "malformed-request";
            };
            String title = switch (status.code()) {
                case 414 -> "URI too long";
                case 431 -> "Request header fields too large";
                default -> "Malformed request";
            };
            byte[] body = ("{\"type\":\"https://peptalk.dev/problems/" + type + "\",\"title\":\"" + title
                    + "\",\"status\":" + status.code() + ",\"detail\":\"" + detail + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                    Unpooled.wrappedBuffer(body));
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
                    .set(HttpHeaderNames.CONTENT_LENGTH, body.length)
                    .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
                    .set(HttpHeaderNames.CACHE_CONTROL, "no-store")
                    .set("X-Content-Type-Options", "nosniff")
                    .set("Referrer-Policy", "no-referrer")
                    .set("X-Frame-Options", "DENY")
                    .set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
            return response;
        }
    }
}
