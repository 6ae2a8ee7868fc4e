package com.peptalk.deployment.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Walks parsed YAML (maps, lists, scalars) with error messages that say where. */
public final class Yml {

    private Yml() {
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object node, String where) {
        if (node instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new AssertionError(where + " is not a mapping but " + node);
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(Object node, String where) {
        if (node instanceof List<?> list) {
            return (List<Object>) list;
        }
        throw new AssertionError(where + " is not a list but " + node);
    }

    /** The node at a path of keys, if every step exists. */
    public static Optional<Object> find(Object node, String... keys) {
        Object current = node;
        for (String key : keys) {
            if (!(current instanceof Map<?, ?> map) || !map.containsKey(key)) {
                return Optional.empty();
            }
            current = map.get(key);
        }
        return Optional.ofNullable(current);
    }

    public static Object at(Object node, String where, String... keys) {
        return find(node, keys).orElseThrow(
                () -> new AssertionError(where + " has no " + String.join(".", keys)));
    }

    public static Map<String, Object> mapAt(Object node, String where, String... keys) {
        return map(at(node, where, keys), where + " " + String.join(".", keys));
    }

    public static List<Object> listAt(Object node, String where, String... keys) {
        return list(at(node, where, keys), where + " " + String.join(".", keys));
    }

    public static List<Object> listOrEmpty(Object node, String... keys) {
        return find(node, keys).map(value -> list(value, String.join(".", keys))).orElse(List.of());
    }

    public static String string(Object node, String where, String... keys) {
        return String.valueOf(at(node, where, keys));
    }

    /**
     * A nested mapping flattened to dotted keys, as Spring Boot sees properties: {@code server: {port: 8081}} and
     * {@code server.port: 8081} both give {@code server.port}; list items get {@code [i]}.
     */
    public static Map<String, Object> flatten(Map<String, Object> tree) {
        Map<String, Object> flat = new LinkedHashMap<>();
        flatten("", tree, flat);
        return flat;
    }

    private static void flatten(String prefix, Object node, Map<String, Object> flat) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> flatten(prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key, value, flat));
        }
        else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                flatten(prefix + "[" + i + "]", list.get(i), flat);
            }
            flat.put(prefix, node);
        }
        else {
            flat.put(prefix, node);
        }
    }
}
