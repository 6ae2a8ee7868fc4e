package com.peptalk.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, byte for byte as written: for requests that well-behaved clients (and
 * {@link java.net.http.HttpClient}) refuse to send: raw braces or invalid escapes in a query, a backslash in a path,
 * oversized request lines, duplicate or missing {@code Host}, invented methods, {@code Connection} or {@code Upgrade}
 * of the caller's choosing, hand-made chunked bodies. The request is written from a thread of its own, so that an
 * answer the server gives before reading the whole body (a 413) is read even when the server then stops reading.
 * One answer is read (RFC 9112 section 6: a body by {@code Content-Length}, de-chunked, or up to the end of the
 * connection), so requests on a kept-alive connection do not wait for the server to close it.
 */
public final class RawHttp {

    /** How long a read waits for the server before the answer counts as dropped (status 0). */
    private static final int READ_TIMEOUT_MILLIS = 30_000;

    /** An answer: status (0 when the server dropped the connection), header fields (names lower case, first value
     * wins), body as UTF-8. */
    public record Answer(int status, Map<String, String> headers, String body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public boolean isProblem() {
            String type = header("content-type");
            return type != null && type.startsWith("application/problem+json") && body.contains("\"type\"");
        }

        public boolean isPage() {
            String type = header("content-type");
            return type != null && type.startsWith("text/html") && body.toLowerCase(Locale.ROOT).contains("<html");
        }
    }

    /** Sends the bytes to localhost:port and reads one answer. A connection the server drops gives status 0. */
    public static Answer send(int port, byte[] request) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 5_000);
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            Thread.ofVirtual().start(() -> {
                try {
                    out.write(request);
                    out.flush();
                }
                catch (IOException closedByTheServer) {
                    // the server may answer and close before reading everything (an oversized body): the answer
                    // tells what happened
                }
            });
            return read(socket.getInputStream());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Sends {@code head} (request line and header lines, CRLF between them, without the blank line) and no body. */
    public static Answer send(int port, String head) {
        return send(port, head, new byte[0]);
    }

    /** Sends {@code head} (request line and header lines, without the blank line), the blank line and {@code body}
     * as they are: framing headers are the caller's. */
    public static Answer send(int port, String head, byte[] body) {
        byte[] headBytes = (head + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = Arrays.copyOf(headBytes, headBytes.length + body.length);
        System.arraycopy(body, 0, all, headBytes.length, body.length);
        return send(port, all);
    }

    /** A request with the usual framing: the request line, {@code Host}, the extra header lines (each ending in CRLF),
     * the body ({@code null}: none, and no {@code Content-Length}). */
    public static Answer send(int port, String method, String target, String extraHeaders, byte[] body) {
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: localhost\r\nConnection: close\r\n").append(extraHeaders);
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.setLength(head.length() - 2); // the last header line's CRLF: send(port, head, body) ends the head
        return send(port, head.toString(), body == null ? new byte[0] : body);
    }

    /** The request with the gateway's identity for an admin added after its request line (see {@link GatewayIdentity}). */
    public static byte[] asAdmin(byte[] request) {
        return withHeader(request, "Authorization: " + GatewayIdentity.authorization());
    }

    /** The request with one more header field ({@code name: value}) right after its request line. */
    public static byte[] withHeader(byte[] request, String field) {
        String text = new String(request, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n");
        return end < 0 ? request : (text.substring(0, end + 2) + field + "\r\n" + text.substring(end + 2))
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    public static Answer get(int port, String target) {
        return send(port, "GET", target, "", null);
    }

    /** A body sent {@code Transfer-Encoding: chunked}, in chunks of at most 8 KiB. */
    public static byte[] chunked(String method, String target, String contentType, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((method + " " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Content-Type: " + contentType + "\r\nTransfer-Encoding: chunked\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        for (int offset = 0; offset < body.length; offset += 8192) {
            int length = Math.min(8192, body.length - offset);
            out.writeBytes((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body, offset, length);
            out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    /**
     * Reads one answer from {@code in}: status line, header fields, then the body by {@code Content-Length},
     * chunked, or up to the end of the connection (none for 1xx, 204 and 304). Status 0, with what came as the
     * body, when the connection ends or times out before a whole status line and header section.
     */
    public static Answer read(InputStream in) throws IOException {
        String statusLine;
        Map<String, String> headers = new LinkedHashMap<>();
        StringBuilder head = new StringBuilder();
        try {
            statusLine = line(in);
            head.append(statusLine == null ? "" : statusLine);
            if (statusLine == null || !statusLine.matches("HTTP/1\\.[01] \\d{3}( .*)?")) {
                return new Answer(0, Map.of(), head.toString());
            }
            for (String line = line(in); ; line = line(in)) {
                if (line == null) {
                    return new Answer(0, Map.of(), head.toString());
                }
                if (line.isEmpty()) {
                    break;
                }
                head.append('\n').append(line);
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.putIfAbsent(line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                            line.substring(colon + 1).strip());
                }
            }
        }
        catch (SocketTimeoutException | SocketException ex) {
            return new Answer(0, Map.of(), head.toString());
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            if (status < 200 || status == 204 || status == 304) {
                // no body
            }
            else if (headers.containsKey("transfer-encoding")
                    && headers.get("transfer-encoding").toLowerCase(Locale.ROOT).endsWith("chunked")) {
                for (int size = chunkSize(line(in)); size > 0; size = chunkSize(line(in))) {
                    body.write(in.readNBytes(size));
                    line(in);
                }
            }
            else if (headers.containsKey("content-length")) {
                body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
            }
            else {
                body.write(in.readAllBytes());
            }
        }
        catch (SocketTimeoutException | SocketException ex) {
            // a reset after the answer, or a server keeping the connection: take what came
        }
        return new Answer(status, headers, body.toString(StandardCharsets.UTF_8));
    }

    private static int chunkSize(String line) {
        if (line == null) {
            return 0;
        }
        int semicolon = line.indexOf(';');
        return Integer.parseInt((semicolon < 0 ? line : line.substring(0, semicolon)).strip(), 16);
    }

    /** A line without its CRLF; {@code null} at the end of the stream before any byte of it. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    private RawHttp() {
    }
}
