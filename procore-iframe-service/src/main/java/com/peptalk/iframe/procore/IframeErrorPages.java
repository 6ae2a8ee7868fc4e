package com.peptalk.iframe.procore;

import com.peptalk.tokenclient.TokenServiceUnavailableException;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

import java.util.Map;

/**
 * The iframe's own refusals as readable HTML pages with the right status (the rest, such as a malformed address
 * or an unexpected failure, is answered by the web edge of libs/web with the same template): never a stack trace, never the token (the
 * texts are fixed, and error pages carry no links, which would have to carry the token).
 */
@ControllerAdvice(basePackageClasses = IframeErrorPages.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class IframeErrorPages {

    private static final Logger log = LoggerFactory.getLogger(IframeErrorPages.class);

    private final IframeProperties properties;

    IframeErrorPages(IframeProperties properties) {
        this.properties = properties;
    }

    @ExceptionHandler(IframeRefused.class)
    ModelAndView refused(IframeRefused ex, HttpServletResponse response) {
        IframeRefused.Reason reason = ex.reason();
        if (reason.status() == HttpStatus.UNAUTHORIZED) {
            // a 401 names how to authenticate; here: the api_token query parameter, not an Authorization header
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "ApiToken realm=\"Peptalk Procore app\"");
        }
        return page(reason.status(), reason.title(), reason.message());
    }

    @ExceptionHandler(TokenServiceUnavailableException.class)
    ModelAndView unavailable(TokenServiceUnavailableException ex, HttpServletResponse response) {
        log.warn("iframe request refused with 503: {}", ex.getMessage());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(properties.retryAfter().toSeconds()));
        return page(HttpStatus.SERVICE_UNAVAILABLE, "Temporarily unavailable",
                "Peptalk cannot check the API token right now. Try again in a minute.");
    }

    private static ModelAndView page(HttpStatus status, String title, String message) {
        return new ModelAndView("iframe/error", Map.of("status", status.value(), "title", title, "message", message),
                status);
    }
}
