package com.peptalk.token.web;

import com.peptalk.token.refusals.ConflictException;
import com.peptalk.token.refusals.NotFoundException;
import com.peptalk.token.refusals.UnknownIdsException;
import com.peptalk.web.problem.ProblemType;
import com.peptalk.web.problem.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * This service's domain errors in its JSON API, as RFC 9457 problem details from the platform's catalogue
 * ({@link ProblemType}). Everything else (bad input, the container's refusals, unexpected failures) is answered by
 * the shared web edge of libs/web.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
public class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException ex) {
        return Problems.of(ProblemType.NOT_FOUND, ex.getMessage());
    }

    @ExceptionHandler(UnknownIdsException.class)
    ProblemDetail unknownIds(UnknownIdsException ex) {
        ProblemDetail problem = Problems.of(ProblemType.UNKNOWN_IDS, ex.getMessage());
        problem.setProperty("field", ex.field());
        problem.setProperty("unknownIds", ex.unknownIds());
        return problem;
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException ex) {
        return Problems.of(ProblemType.CONFLICT, ex.getMessage());
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail integrity(DataIntegrityViolationException ex) {
        log.info("request conflicts with stored data: {}", ex.getMostSpecificCause().getMessage());
        return Problems.of(ProblemType.CONFLICT,
                "the request conflicts with existing data (a duplicate or a reference in use)");
    }
}
