package com.peptalk.delivery.messages;

import com.peptalk.web.problem.ProblemType;
import com.peptalk.web.problem.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * This service's domain errors in its JSON API, as RFC 9457 problem details from the platform's catalogue
 * ({@link ProblemType}). Everything else (bad input, the container's refusals) is the shared web edge's.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
class ApiExceptionHandler {

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException ex) {
        return Problems.of(ProblemType.NOT_FOUND, ex.getMessage());
    }
}
