package com.peptalk.automation.refusals;

import com.peptalk.web.problem.Problems.FieldError;

import java.util.List;

/**
 * The request is well-formed JSON but a field breaks a rule only the domain knows (a template that does not compile,
 * a cadence rule that cannot occur, a condition that does not parse): answered 400 naming each field; nothing saved.
 */
public class InvalidInputException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        super("invalid fields: " + errors.stream().map(FieldError::field).distinct().toList());
        this.errors = List.copyOf(errors);
    }

    public InvalidInputException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
