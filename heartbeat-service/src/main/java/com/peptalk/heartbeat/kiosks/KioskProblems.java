package com.peptalk.heartbeat.kiosks;

import com.peptalk.web.edge.EdgeError;
import com.peptalk.web.problem.ProblemType;
import com.peptalk.web.problem.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

import java.io.IOException;
import java.util.List;

/**
 * {@link KioskRefused} with its reason's problem type, fixed wording and field: problem JSON on the API, a readable
 * page on the dashboard's page route (the web edge decides which by the path).
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class KioskProblems {

    @ExceptionHandler(KioskRefused.class)
    void refused(KioskRefused ex, HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<Problems.FieldError> errors = ex.field() == null ? List.of()
                : List.of(new Problems.FieldError(ex.field(), ex.reason().detail()));
        new EdgeError(ex.reason().type(), ex.reason().detail(), errors).send(request, response);
    }

    @ExceptionHandler(KioskRegistry.BulkTooLarge.class)
    void tooMany(KioskRegistry.BulkTooLarge ex, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        new EdgeError(ProblemType.VALIDATION, "invalid fields: [kiosks]", List.of(ex.error())).send(request, response);
    }
}
