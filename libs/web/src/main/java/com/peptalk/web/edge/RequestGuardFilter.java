package com.peptalk.web.edge;

import com.peptalk.web.logging.SecretMask;
import com.peptalk.web.problem.ProblemType;
import com.peptalk.web.text.Characters;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;

/**
 * Checks what the container has parsed before anything reads it, and refuses with a clear answer (through
 * {@link EdgeError}) instead of letting a handler fail on it:
 * <ul>
 *   <li>a request line longer than {@link WebEdgeProperties#maxRequestLineBytes()}: 414 (RFC 9110 §15.5.15);</li>
 *   <li>header fields larger than {@link WebEdgeProperties#maxHeaderBytes()}: 431 (RFC 6585 §5);</li>
 *   <li>a query parameter that is not valid percent-encoded UTF-8 or holds a control character, or more than
 *       {@link WebEdgeProperties#maxParameters()} parameters: 400 naming the parameter;</li>
 *   <li>a body larger than {@link WebEdgeProperties#maxRequestBytes()}: 413 at once when its declared length says so,
 *       and when a chunked body grows past it while it is read ({@link PayloadTooLargeException});</li>
 *   <li>a form body the container cannot parse (bad escapes, too many fields, too large): 400 or 413.</li>
 * </ul>
 * Nothing of the request is logged or echoed, except a parameter's name (masked if it looks like a secret).
 */
class RequestGuardFilter extends OncePerRequestFilter {

    private static final int MAX_NAME_ECHO = 64;

    private final WebEdgeProperties properties;

    RequestGuardFilter(WebEdgeProperties properties) {
        this.properties = properties;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        EdgeError refusal = check(request);
        if (refusal != null) {
            refusal.send(request, response);
            return;
        }
        chain.doFilter(new LimitedRequest(request, properties.maxRequestBytes().toBytes()), response);
    }

    private EdgeError check(HttpServletRequest request) {
        String query = request.getQueryString();
        long requestLine = request.getMethod().length() + 1 + request.getRequestURI().length()
                + (query == null ? 0 : query.length() + 1) + 1 + request.getProtocol().length();
        if (requestLine > properties.maxRequestLineBytes().toBytes()) {
            return new EdgeError(ProblemType.URI_TOO_LONG, "the request line must be at most "
                    + properties.maxRequestLineBytes().toBytes() + " bytes");
        }
        if (headerBytes(request) > properties.maxHeaderBytes().toBytes()) {
            return new EdgeError(ProblemType.HEADERS_TOO_LARGE, "the header fields must be at most "
                    + properties.maxHeaderBytes().toBytes() + " bytes together");
        }
        List<QueryParameters.Parameter> parameters = QueryParameters.parse(query);
        if (parameters.size() > properties.maxParameters()) {
            return new EdgeError(ProblemType.VALIDATION, "a request may carry at most " + properties.maxParameters()
                    + " parameters");
        }
        for (QueryParameters.Parameter parameter : parameters) {
            if (!parameter.valid()) {
                return EdgeError.field(ProblemType.VALIDATION, echo(parameter.name()),
                        "is not valid percent-encoded UTF-8");
            }
            if (Characters.hasControl(parameter.name(), false) || Characters.hasControl(parameter.value(), false)) {
                return EdgeError.field(ProblemType.VALIDATION, echo(parameter.name()),
                        "must not contain control characters");
            }
        }
        if (request.getContentLengthLong() > properties.maxRequestBytes().toBytes()) {
            return tooLarge();
        }
        if (isForm(request)) {
            return checkForm(request);
        }
        return null;
    }

    private EdgeError checkForm(HttpServletRequest request) {
        Map<String, String[]> form;
        try {
            form = request.getParameterMap();
        }
        catch (InvalidParameterException ex) {
            // the container's message quotes the raw parameter: never passed on
            return ex.getErrorCode() == 413 ? tooLarge() : new EdgeError(ProblemType.VALIDATION,
                    "the form body is malformed (an invalid escape, or more than " + properties.maxParameters()
                            + " fields)");
        }
        if (form.size() > properties.maxParameters()
                || form.values().stream().mapToInt(values -> values.length).sum() > properties.maxParameters()) {
            return new EdgeError(ProblemType.VALIDATION, "a form may carry at most " + properties.maxParameters()
                    + " fields");
        }
        for (Map.Entry<String, String[]> field : form.entrySet()) {
            for (String value : field.getValue()) {
                if (Characters.hasControl(field.getKey(), false) || Characters.hasControl(value, true)) {
                    return EdgeError.field(ProblemType.VALIDATION, echo(field.getKey()),
                            "must not contain control characters");
                }
            }
        }
        return null;
    }

    private EdgeError tooLarge() {
        return new EdgeError(ProblemType.TOO_LARGE, "the body must be at most "
                + properties.maxRequestBytes().toBytes() + " bytes");
    }

    private static boolean isForm(HttpServletRequest request) {
        String contentType = request.getContentType();
        if (contentType == null || !"POST".equals(request.getMethod())) {
            return false;
        }
        try {
            return MediaType.APPLICATION_FORM_URLENCODED.includes(MediaType.parseMediaType(contentType));
        }
        catch (RuntimeException ex) {
            return false;
        }
    }

    private static long headerBytes(HttpServletRequest request) {
        long total = 0;
        Enumeration<String> names = request.getHeaderNames();
        while (names.hasMoreElements()) {
            String name = names.nextElement();
            Enumeration<String> values = request.getHeaders(name);
            while (values.hasMoreElements()) {
                total += name.length() + 4 + values.nextElement().length();
            }
        }
        return total;
    }

    /** A parameter name as it may appear in an answer: short, and masked if shaped like a secret. */
    private static String echo(String name) {
        String masked = SecretMask.mask(name);
        String printable = Characters.hasControl(masked, false) ? "(a parameter name with control characters)"
                : masked;
        return printable.length() > MAX_NAME_ECHO ? printable.substring(0, MAX_NAME_ECHO) + "…" : printable;
    }

    /** The request with its body limited to the configured size, however it is read. */
    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long maxBytes;
        private ServletInputStream limited;
        private BufferedReader reader;

        LimitedRequest(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (limited == null) {
                limited = new LimitedInputStream(super.getInputStream(), maxBytes);
            }
            return limited;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            if (reader == null) {
                String encoding = getCharacterEncoding();
                Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
                reader = new BufferedReader(new InputStreamReader(getInputStream(), charset));
            }
            return reader;
        }
    }

    private static final class LimitedInputStream extends ServletInputStream {

        private final ServletInputStream delegate;
        private final long maxBytes;
        private long read;

        LimitedInputStream(ServletInputStream delegate, long maxBytes) {
            this.delegate = delegate;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = delegate.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > maxBytes) {
                throw new PayloadTooLargeException(maxBytes);
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}
