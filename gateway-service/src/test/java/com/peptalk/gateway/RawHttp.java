package com.peptalk.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 written by hand on a socket, for what {@link java.net.http.HttpClient} will not send: {@code Connection},
 * {@code Host} and {@code Upgrade} of the caller's choosing, two {@code Host} headers or none, invented methods,
 * over-long request lines. Reads one response: status, headers, and a body by {@code Content-Length}, chunked, or
 * up to the end of the connection.
 */
final class RawHttp {

    record Response(int status, Map<String, List<String>> headers, String body) {

        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? null : values.getFirst();
        }
    }

    /**
     * Sends {@code head} (request line and headers, without the blank line) and {@code body}; reads the answer. The
     * request is written from another thread, so that an answer the gateway gives before reading the whole body (a
     * 413) is read even when the gateway then stops reading and the rest of the body cannot be written.
     */
    static Response send(int port, String head, byte[] body) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            Thread.ofVirtual().start(() -> {
                try {
                    out.write((head + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    out.write(body);
                    out.flush();
                }
                catch (IOException closedByTheGateway) {
                    // the answer tells what happened
                }
            });
            return read(socket.getInputStream());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static Response send(int port, String head) {
        return send(port, head, new byte[0]);
    }

    static Response read(InputStream in) throws IOException {
        String statusLine = line(in);
        if (statusLine == null) {
            throw new IOException("the connection closed before a response");
        }
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            headers.computeIfAbsent(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), name -> new ArrayList<>())
                    .add(line.substring(colon + 1).strip());
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        List<String> length = headers.get("content-length");
        List<String> encoding = headers.get("transfer-encoding");
        if (status == 101 || status == 204 || status == 304) {
            // no body
        }
        else if (length != null) {
            body.write(in.readNBytes(Integer.parseInt(length.getFirst())));
        }
        else if (encoding != null && encoding.getFirst().equalsIgnoreCase("chunked")) {
            for (int size = Integer.parseInt(line(in).strip(), 16); size > 0;
                    size = Integer.parseInt(line(in).strip(), 16)) {
                body.write(in.readNBytes(size));
                line(in);
            }
        }
        else {
            body.write(in.readAllBytes());
        }
        return new Response(status, headers, body.toString(StandardCharsets.UTF_8));
    }

    /** A line without its CRLF; {@code null} at the end of the stream. */
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
