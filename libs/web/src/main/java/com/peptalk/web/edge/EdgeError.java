package com.peptalk.web.edge;

import com.peptalk.web.problem.ProblemType;
import com.peptalk.web.problem.Problems.FieldError;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.List;

/**
 * A refusal decided by the edge (a filter or an exception handler), handed to the error page through a request
 * attribute: {@link #send} stores it and calls {@code sendError}, the container dispatches to {@code /error}, and
 * {@link EdgeErrorController} answers it as problem JSON or as a page. The detail and messages are our own words.
 *
 * @param status the answer's status: the type's, unless the container chose one the catalogue has no type for
 * @param type the kind of error
 * @param detail what went wrong, for people
 * @param errors the fields or parameters at fault (may be empty)
 */
public record EdgeError(int status, ProblemType type, String detail, List<FieldError> errors) {

    static final String ATTRIBUTE = EdgeError.class.getName();

    public EdgeError {
        errors = List.copyOf(errors);
    }

    public EdgeError(ProblemType type, String detail, List<FieldError> errors) {
        this(type.status().value(), type, detail, errors);
    }

    public EdgeError(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    /** One field or parameter at fault. */
    public static EdgeError field(ProblemType type, String field, String message) {
        return new EdgeError(type, field + " " + message, List.of(new FieldError(field, message)));
    }

    /** Refuses the request with this error (the answer is written by the error page). */
    public void send(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setAttribute(ATTRIBUTE, this);
        response.sendError(status);
    }

    static EdgeError of(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof EdgeError error ? error : null;
    }
}
