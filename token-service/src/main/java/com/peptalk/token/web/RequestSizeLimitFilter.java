package com.peptalk.token.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Refuses bodies larger than the configured limit with a 413 problem before anything reads them. Bodies
 * without a declared length are refused too: every legitimate client of this API sends one.
 */
@Component
class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;

    RequestSizeLimitFilter(ApiProperties properties) {
        this.maxBytes = properties.maxRequestBytes().toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean hasBody = request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
        if (hasBody && (request.getContentLengthLong() < 0 || request.getContentLengthLong() > maxBytes)) {
            response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter().write("""
                    {"type":"%s","title":"Payload too large","status":413,"detail":"the body must be at most %d bytes with a Content-Length"}"""
                    .formatted(Problems.TOO_LARGE, maxBytes));
            return;
        }
        chain.doFilter(request, response);
    }
}
