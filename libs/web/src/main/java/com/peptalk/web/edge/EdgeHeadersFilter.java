package com.peptalk.web.edge;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;

/**
 * Sets {@link EdgeHeaders} on every answer before anything is written, so that refusals and errors carry them too.
 * On the error dispatch it also hands on a request whose parameters and body can no longer fail: the request may
 * be the malformed one that was refused, and whatever looks at its parameters on the way to the error page (Spring's
 * DEBUG request log, the multipart check) must not fail a second time.
 */
class EdgeHeadersFilter extends OncePerRequestFilter {

    private final EdgeHeaders headers;

    EdgeHeadersFilter(EdgeHeaders headers) {
        this.headers = headers;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        headers.apply(request.getRequestURI(), response);
        chain.doFilter(request.getDispatcherType() == DispatcherType.ERROR ? new ErrorDispatchRequest(request)
                : request, response);
    }

    /** The refused request as the error page sees it: no parameters, no body to parse. */
    private static final class ErrorDispatchRequest extends HttpServletRequestWrapper {

        ErrorDispatchRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getParameter(String name) {
            return null;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Map.of();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.emptyEnumeration();
        }

        @Override
        public String[] getParameterValues(String name) {
            return null;
        }

        @Override
        public String getContentType() {
            return null;
        }
    }
}
