package com.peptalk.iframe.procore;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Headers of every iframe response, error pages included (they are set before the page is chosen, and an error
 * page keeps them). The pages are made to be framed, but only by Procore ({@code frame-ancestors}; no
 * {@code X-Frame-Options}, which cannot name several origins). The token travels in the address, so nothing may
 * keep a copy ({@code no-store}) or pass the address on ({@code no-referrer}). The pages need no script, which the
 * policy states.
 */
class IframeResponseHeaders extends OncePerRequestFilter {

    private final String contentSecurityPolicy;

    IframeResponseHeaders(IframeProperties properties) {
        this.contentSecurityPolicy = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
                + "base-uri 'none'; frame-ancestors " + String.join(" ", properties.frameAncestors());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Content-Security-Policy", contentSecurityPolicy);
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        chain.doFilter(request, response);
    }
}
