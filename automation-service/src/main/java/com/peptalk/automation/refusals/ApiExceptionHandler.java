package com.peptalk.automation.refusals;

import com.peptalk.web.problem.ProblemType;
import com.peptalk.web.problem.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.List;
import java.util.Map;

/**
 * This service's domain refusals in its JSON API, as RFC 9457 problem details from the platform's catalogue
 * ({@link ProblemType}); everything else (malformed JSON, bean validation, the container's refusals) is answered by
 * the shared web edge of libs/web.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
class ApiExceptionHandler {

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException ex) {
        return Problems.invalid(ProblemType.VALIDATION, ex.errors());
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException ex) {
        return Problems.of(ProblemType.NOT_FOUND, ex.getMessage());
    }

    @ExceptionHandler(UnknownIdsException.class)
    ProblemDetail unknownIds(UnknownIdsException ex) {
        ProblemDetail problem = Problems.of(ProblemType.UNKNOWN_IDS, ex.getMessage());
        problem.setProperty("field", ex.field());
        problem.setProperty("unknownIds", ex.unknownIds());
        problem.setProperty("errors", List.of(Map.of("field", ex.field(), "message", "names unknown ids")));
        return problem;
    }
}
