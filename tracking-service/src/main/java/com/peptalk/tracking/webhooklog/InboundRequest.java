package com.peptalk.tracking.webhooklog;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One inbound request as the webhook log stores it and a provider reads it, live or replayed.
 *
 * @param method the HTTP method
 * @param path the request path, without the query
 * @param query the raw (still percent-encoded) query string, or {@code null}
 * @param headers header fields by lower-case name (the last value of a repeated one); credentials are masked
 * @param credentialDigest SHA-256 (hex) of the {@code Authorization} header as received, or {@code null}: lets a
 *        provider check a credential, live or on replay, without the credential being stored
 * @param body the body as UTF-8 text; a form is kept {@code application/x-www-form-urlencoded}
 * @param receivedAt when it arrived (on replay: when the replay ran)
 */
public record InboundRequest(String method, String path, String query, Map<String, String> headers,
        String credentialDigest, String body, Instant receivedAt) {

    /** A header's value by its (case-insensitive) name, or {@code null}. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** The query's parameters, decoded, the first value of each. */
    public Map<String, String> queryParameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        decodedQuery(query).forEach((name, values) -> parameters.put(name, values.getFirst()));
        return parameters;
    }

    /** A raw query string's parameters, decoded, every value in order; empty for {@code null}. */
    static MultiValueMap<String, String> decodedQuery(String query) {
        MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
        if (query != null) {
            UriComponentsBuilder.newInstance().query(query).build().getQueryParams().forEach((name, values) ->
                    values.forEach(value -> parameters.add(decode(name), value == null ? "" : decode(value))));
        }
        return parameters;
    }

    /** The body read as an {@code application/x-www-form-urlencoded} form, the first value of each field. */
    public Map<String, String> formParameters() {
        Map<String, String> form = new LinkedHashMap<>();
        formFields().forEach((name, values) -> form.put(name, values.getFirst()));
        return form;
    }

    /** The body as a form, every value of each field, in order. */
    public MultiValueMap<String, String> formFields() {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        if (body == null || body.isEmpty()) {
            return form;
        }
        for (String pair : body.split("&")) {
            if (!pair.isEmpty()) {
                int equals = pair.indexOf('=');
                form.add(decode(equals < 0 ? pair : pair.substring(0, equals)), equals < 0 ? "" : decode(pair.substring(equals + 1)));
            }
        }
        return form;
    }

    /**
     * Whether the request's {@code Authorization} header was one of {@code secrets}: their SHA-256 digests compared
     * in constant time ({@link MessageDigest#isEqual}), against the digest taken when the request arrived, so a
     * replayed request is checked the same way without the credential having been stored.
     */
    public boolean credentialIsOneOf(List<String> secrets) {
        if (credentialDigest == null) {
            return false;
        }
        byte[] received = credentialDigest.getBytes(StandardCharsets.US_ASCII);
        boolean matched = false;
        for (String secret : secrets) {
            // every secret is compared, so the time taken does not say which one matched
            matched |= MessageDigest.isEqual(received, WebhookLog.sha256(secret).getBytes(StandardCharsets.US_ASCII));
        }
        return matched;
    }

    /** The address the request came to, from {@code publicBaseUrl} (how providers reach us) and its path and query. */
    public String publicUrl(String publicBaseUrl) {
        String base = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
        return base + path + (query == null ? "" : "?" + query);
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            // the edge already refuses malformed escapes in live requests; a stored one is read as it stands
            return text;
        }
    }
}
