package com.peptalk.web.edge;

import com.peptalk.web.problem.ProblemType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The error page of every servlet service, replacing Boot's {@code BasicErrorController}: whatever ended in
 * {@code sendError} (an edge refusal, a missing handler, a wrong method, an exception no handler took) is answered
 * here, as {@code application/problem+json} on API routes or as a readable page on page routes, with the edge's
 * security headers. It names the status and our own words, never the path, a parameter, an exception message or a
 * trace; a 5xx is logged with its exception (through the log backstop).
 */
@org.springframework.stereotype.Controller
@RequestMapping("${server.error.path:/error}")
class EdgeErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(EdgeErrorController.class);

    private final WebEdgeProperties properties;
    private final EdgeHeaders headers;

    EdgeErrorController(WebEdgeProperties properties, EdgeHeaders headers) {
        this.properties = properties;
        this.headers = headers;
    }

    @RequestMapping
    ModelAndView error(HttpServletRequest request, HttpServletResponse response) {
        String path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri ? uri
                : request.getRequestURI();
        EdgeError error = EdgeError.of(request);
        if (error == null) {
            error = fromStatus(request);
        }
        response.setStatus(error.status());
        headers.apply(path, response);
        if (properties.isPage(path)) {
            return page(error);
        }
        return new ModelAndView(new TextView(MediaType.APPLICATION_PROBLEM_JSON_VALUE, ProblemJson.write(error)));
    }

    private static EdgeError fromStatus(HttpServletRequest request) {
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code : 500;
        if (status >= 500) {
            Object exception = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
            if (exception instanceof Throwable failure) {
                log.error("request failed", failure);
            }
        }
        ProblemType type = ProblemType.forStatus(status);
        HttpStatus resolved = HttpStatus.resolve(status);
        String detail = switch (type) {
            case NOT_FOUND -> "there is nothing at this address";
            case METHOD_NOT_ALLOWED -> "this address does not support the request's method";
            case NOT_ACCEPTABLE -> "the answer cannot be given in a media type the Accept header allows";
            case UNSUPPORTED_MEDIA_TYPE -> "the body's Content-Type is not one this address reads";
            case TOO_LARGE -> "the body is larger than this service accepts";
            case INTERNAL -> "something went wrong on our side; it has been logged";
            default -> "the request cannot be processed"
                    + (resolved == null ? "" : " (" + resolved.getReasonPhrase().toLowerCase() + ")");
        };
        // a status without a type of its own (a 400 of the container, say) keeps its own code
        return new EdgeError(status, type, detail, java.util.List.of());
    }

    private ModelAndView page(EdgeError error) {
        HttpStatus status = HttpStatus.valueOf(error.status());
        String message = error.errors().isEmpty() ? ErrorPageHtml.capitalized(error.detail())
                : ErrorPageHtml.capitalized(error.detail()) + ": " + String.join(", ", error.errors().stream()
                        .map(field -> field.field() + " (" + field.message() + ")").toList()) + ".";
        Map<String, Object> model = Map.of("status", status.value(), "title", error.type().title(),
                "message", message);
        if (!properties.errorView().isBlank()) {
            return new ModelAndView(properties.errorView(), model, status);
        }
        ModelAndView page = new ModelAndView(new TextView(MediaType.TEXT_HTML_VALUE,
                ErrorPageHtml.render(status.value(), error.type().title(), message)), model);
        page.setStatus(status);
        return page;
    }


    /** Writes a text of ours as it is (a problem document whatever {@code Accept} asked for, or a built-in page). */
    private record TextView(String contentType, String body) implements View {

        @Override
        public String getContentType() {
            return contentType;
        }

        @Override
        public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
                throws Exception {
            response.setContentType(contentType);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write(body);
        }
    }
}
