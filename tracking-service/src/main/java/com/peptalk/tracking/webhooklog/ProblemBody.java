package com.peptalk.tracking.webhooklog;

import com.peptalk.web.problem.ProblemType;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The text of an RFC 9457 problem document, as the webhook log stores and answers it (the same members as the edge's
 * problems: {@code type}, {@code title}, {@code status}, {@code detail}, and {@code errors} naming the field).
 */
final class ProblemBody {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static String of(ProblemType type, String field, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", type.type().toString());
        problem.put("title", type.title());
        problem.put("status", type.status().value());
        problem.put("detail", detail);
        if (field != null) {
            problem.put("errors", List.of(Map.of("field", field, "message", detail)));
        }
        return JSON.writeValueAsString(problem);
    }

    private ProblemBody() {
    }
}
