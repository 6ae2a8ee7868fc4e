package com.peptalk.iframe.procore;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

import java.util.Map;

/**
 * The error page for what the iframe pages do not handle themselves (an address that does not exist, a wrong
 * method, a page that failed while rendering). This service answers browsers only, so it is always HTML, whatever
 * the {@code Accept} header; it names the status and nothing else (no path, no message, no trace). Replaces Boot's
 * {@code BasicErrorController}.
 */
@Controller
class ServiceErrorPage implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ModelAndView error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.resolve(value) : HttpStatus.INTERNAL_SERVER_ERROR;
        return new ModelAndView("error", Map.of("status", status.value(), "error", status.getReasonPhrase()), status);
    }
}
