package com.peptalk.web.edge;

import com.peptalk.web.problem.Problems.FieldError;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes an {@link EdgeError} as an RFC 9457 problem document ({@code type}, {@code title}, {@code status},
 * {@code detail}, and {@code errors} when fields are named), for the places that answer outside Spring MVC's
 * message converters: the error page and the container's error valve.
 */
final class ProblemJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static String write(EdgeError error) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", error.type().type().toString());
        problem.put("title", error.type().title());
        problem.put("status", error.status());
        problem.put("detail", error.detail());
        if (!error.errors().isEmpty()) {
            problem.put("errors", error.errors().stream().map(ProblemJson::field).toList());
        }
        return JSON.writeValueAsString(problem);
    }

    private static Map<String, String> field(FieldError error) {
        return Map.of("field", error.field(), "message", error.message());
    }

    private ProblemJson() {
    }
}
