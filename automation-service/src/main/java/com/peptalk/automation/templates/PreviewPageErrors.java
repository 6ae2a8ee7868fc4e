package com.peptalk.automation.templates;

import com.peptalk.automation.refusals.InvalidInputException;
import com.peptalk.automation.refusals.NotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

import java.util.Map;

/**
 * The preview page's own errors as readable pages (the same view the web edge uses for everything else,
 * {@code peptalk.web.error-view}); the words are ours, never what was typed in the address.
 */
@ControllerAdvice(assignableTypes = PreviewPage.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PreviewPageErrors {

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(NotFoundException ex) {
        return page(HttpStatus.NOT_FOUND, "Not found", "There is no such template version.");
    }

    @ExceptionHandler(InvalidInputException.class)
    ModelAndView notAMessage(InvalidInputException ex) {
        return page(HttpStatus.BAD_REQUEST, "Bad request",
                "Only message templates preview on their own; preview a message that uses this layout or component.");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView malformed(MethodArgumentTypeMismatchException ex) {
        return page(HttpStatus.BAD_REQUEST, "Bad request", "The template id and version in the address must be whole numbers.");
    }

    private static ModelAndView page(HttpStatus status, String title, String message) {
        return new ModelAndView("automation/error", Map.of("status", status.value(), "title", title, "message", message),
                status);
    }
}
