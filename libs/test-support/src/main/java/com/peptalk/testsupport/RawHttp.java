package com.peptalk.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, byte for byte as written: for requests that well-behaved clients refuse to send
 * (raw braces or invalid escapes in a query, a backslash in a path, oversized request lines, duplicate or missing
 * {@code Host}, hand-made chunked bodies). Each request is sent with {@code Connection: close} by the caller's
 * text or not at all; the answer is read to the end of the connection (or a 10 s timeout) and de-chunked.
 */
public final class RawHttp {

    /** An answer: status, header fields (names lower case, last value wins), body as UTF-8. */
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

    /** Sends the bytes to localhost:port and reads the answer. A connection the server drops gives status 0. */
    public static Answer send(int port, byte[] request) {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
            }
            catch (IOException ex) {
                // the server may answer and close before reading everything (an oversized body): read what it said
            }
            return parse(readAll(socket.getInputStream()));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** A request with the usual framing: the request line, {@code Host}, the extra header lines, the body. */
    public static Answer send(int port, String method, String target, String extraHeaders, byte[] body) {
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: localhost\r\nConnection: close\r\n").append(extraHeaders);
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[headBytes.length + (body == null ? 0 : body.length)];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        if (body != null) {
            System.arraycopy(body, 0, all, headBytes.length, body.length);
        }
        return send(port, all);
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

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16384];
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
            }
        }
        catch (SocketTimeoutException | java.net.SocketException ex) {
            // a reset after the answer, or a server keeping the connection: take what came
        }
        return out.toByteArray();
    }

    static Answer parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.1 ") || end < 0) {
            return new Answer(0, Map.of(), text);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].substring(9, 12));
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int position = 0;
        while (position < body.length) {
            int lineEnd = indexOf(body, position);
            if (lineEnd < 0) {
                break;
            }
            String sizeText = new String(body, position, lineEnd - position, StandardCharsets.ISO_8859_1).trim();
            int semicolon = sizeText.indexOf(';');
            int size = Integer.parseInt(semicolon < 0 ? sizeText : sizeText.substring(0, semicolon), 16);
            if (size == 0) {
                break;
            }
            out.write(body, lineEnd + 2, Math.min(size, body.length - lineEnd - 2));
            position = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length - 1; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private RawHttp() {
    }
}
