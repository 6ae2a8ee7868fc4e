package com.peptalk.tracking.webhooklog;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.Optional;

/**
 * Reads providers' JSON documents (SNS envelopes, SES events, Procore webhooks) as trees: leniently about fields we do
 * not use (providers add fields), strictly about syntax (a duplicate key or trailing garbage is refused).
 */
public final class ProviderJson {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    /** The body as a JSON object, or empty when it is not one. */
    public static Optional<JsonNode> object(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (JacksonException malformed) {
            return Optional.empty();
        }
    }

    /** The string member {@code field} of {@code node}, or {@code null} when it is absent or not a string. */
    public static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isString() ? value.stringValue() : null;
    }

    private ProviderJson() {
    }
}
