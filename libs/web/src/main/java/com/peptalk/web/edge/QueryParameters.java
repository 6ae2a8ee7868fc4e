package com.peptalk.web.edge;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Strict reading of an {@code application/x-www-form-urlencoded} query string (WHATWG URL Standard §5, with UTF-8 as
 * RFC 3986 §2.5 recommends): {@code &}-separated {@code name=value} pairs, {@code +} for space, {@code %XX} escapes
 * that must decode to valid UTF-8. Unlike the container, it says which parameter is wrong instead of failing as a
 * whole, and quotes nothing.
 */
final class QueryParameters {

    /** One decoded pair. {@code valid} is false when its escapes are not valid UTF-8 (then the value is empty). */
    record Parameter(String name, String value, boolean valid) {
    }

    static List<Parameter> parse(String query) {
        List<Parameter> parameters = new ArrayList<>();
        if (query == null || query.isEmpty()) {
            return parameters;
        }
        for (String pair : query.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String rawName = equals < 0 ? pair : pair.substring(0, equals);
            String rawValue = equals < 0 ? "" : pair.substring(equals + 1);
            String name = decode(rawName);
            String value = decode(rawValue);
            boolean valid = name != null && value != null;
            parameters.add(new Parameter(name == null ? "(undecodable name)" : name, value == null ? "" : value,
                    valid));
        }
        return parameters;
    }

    /** The decoded text, or {@code null} when an escape is malformed or the bytes are not UTF-8. */
    static String decode(String raw) {
        if (raw.indexOf('%') < 0 && raw.indexOf('+') < 0) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            }
            else if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return null;
                }
                int high = Character.digit(raw.charAt(i + 1), 16);
                int low = Character.digit(raw.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return null;
                }
                bytes.write(high * 16 + low);
                i += 2;
            }
            else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        }
        catch (CharacterCodingException ex) {
            return null;
        }
    }

    private QueryParameters() {
    }
}
