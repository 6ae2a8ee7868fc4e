package com.peptalk.web.edge;

import com.peptalk.web.problem.ProblemType;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

import java.io.IOException;
import java.io.Writer;

/**
 * Tomcat's error report for what the container refuses before any filter runs (a request line or header it cannot
 * parse or that passes {@link WebEdgeProperties#containerHeaderCeiling()}, characters not allowed in a path, an
 * encoded slash), written as the platform's problem JSON or a readable page with the edge's security headers,
 * instead of Tomcat's own HTML. It says nothing of the request (no path, no message of the container's exception).
 */
class ProblemReportValve extends ErrorReportValve {

    private final WebEdgeProperties properties;
    private final EdgeHeaders headers;

    ProblemReportValve(WebEdgeProperties properties, EdgeHeaders headers) {
        this.properties = properties;
        this.headers = headers;
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String path = safePath(request);
        ProblemType type = ProblemType.forStatus(status);
        String detail = status >= 500 ? "something went wrong on our side; it has been logged"
                : "the request is malformed: the server could not parse its request line or header fields";
        EdgeError error = new EdgeError(status, type, detail, java.util.List.of());
        try {
            headers.forPath(path).forEach(response::setHeader);
            String body;
            if (properties.isPage(path)) {
                response.setContentType("text/html;charset=UTF-8");
                body = ErrorPageHtml.render(status, type.title(), ErrorPageHtml.capitalized(detail) + ".");
            }
            else {
                response.setContentType("application/problem+json");
                response.setCharacterEncoding("UTF-8");
                body = ProblemJson.write(error);
            }
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        }
        catch (IOException | IllegalStateException ex) {
            // the client has gone or the answer was started elsewhere: nothing more to say
        }
    }

    private static String safePath(Request request) {
        try {
            String uri = request.getDecodedRequestURI();
            return uri == null ? "" : uri;
        }
        catch (RuntimeException ex) {
            return "";
        }
    }
}
