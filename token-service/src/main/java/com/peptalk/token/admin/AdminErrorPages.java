package com.peptalk.token.admin;

import com.peptalk.token.refusals.NotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

import java.util.Map;

/**
 * The admin pages' own errors as readable HTML pages with the right status, in words written for them; everything
 * else (the container's refusals, unexpected failures) is answered by the web edge of libs/web with the same
 * template ({@code peptalk.web.error-view}). The messages are written here or by the pages, never taken from what was typed, so an error
 * page cannot echo a secret pasted into an address.
 */
@ControllerAdvice(basePackageClasses = AdminErrorPages.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AdminErrorPages {

    @ExceptionHandler(AdminPageNotFound.class)
    ModelAndView notFound(AdminPageNotFound ex) {
        return page(HttpStatus.NOT_FOUND, "Not found", ex.getMessage());
    }

    @ExceptionHandler(NotFoundException.class)
    ModelAndView gone(NotFoundException ex) {
        return page(HttpStatus.NOT_FOUND, "Not found", "What this page shows does not exist (any more).");
    }

    @ExceptionHandler(BadAdminRequest.class)
    ModelAndView badRequest(BadAdminRequest ex) {
        return page(HttpStatus.BAD_REQUEST, "Bad request", ex.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView malformed(MethodArgumentTypeMismatchException ex) {
        String message = switch (ex.getName()) {
            case "id" -> "The id in the address must be a whole number.";
            case "company_id" -> "The company filter must be a company id (a whole number).";
            case "page" -> "The page number must be a whole number.";
            case "ids" -> "The selected project groups must be given by their ids (whole numbers).";
            default -> "The parameter “" + ex.getName() + "” has a malformed value.";
        };
        return page(HttpStatus.BAD_REQUEST, "Bad request", message);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ModelAndView missing(MissingServletRequestParameterException ex) {
        return page(HttpStatus.BAD_REQUEST, "Bad request", "The parameter “" + ex.getParameterName()
                + "” is missing.");
    }

    @ExceptionHandler(CrossSiteRequestRefused.class)
    ModelAndView crossSite(CrossSiteRequestRefused ex) {
        return page(HttpStatus.FORBIDDEN, "Refused", ex.getMessage());
    }

    private static ModelAndView page(HttpStatus status, String title, String message) {
        return new ModelAndView("admin/error",
                Map.of("status", status.value(), "title", title, "message", message), status);
    }
}
