package com.peptalk.web.problem;

import org.springframework.http.ProblemDetail;

import java.util.List;
import java.util.Map;

/**
 * Builds RFC 9457 problem details from the {@link ProblemType} catalogue. Details are written by our code, never
 * copied from input or from an exception's message, so a problem cannot echo a secret that came in the request.
 */
public final class Problems {

    /** A problem of the given type with the type's title and status and this detail. */
    public static ProblemDetail of(ProblemType type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(type.status(), detail);
        problem.setType(type.type());
        problem.setTitle(type.title());
        return problem;
    }

    /**
     * A 400 naming the fields that are wrong: {@code errors} is a list of {@code {"field": ..., "message": ...}},
     * the detail lists the field names.
     */
    public static ProblemDetail invalid(ProblemType type, List<FieldError> errors) {
        ProblemDetail problem = of(type, errors.isEmpty() ? "the request is invalid"
                : "invalid fields: " + errors.stream().map(FieldError::field).distinct().toList());
        problem.setProperty("errors", errors.stream()
                .map(error -> Map.of("field", error.field(), "message", error.message())).toList());
        return problem;
    }

    /** One field or parameter that is wrong, and why, in words of our own. */
    public record FieldError(String field, String message) {
    }

    private Problems() {
    }
}
