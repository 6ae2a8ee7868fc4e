package com.peptalk.automation.templates;

import com.peptalk.web.edge.PageHeaders;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Headers of the preview pages (page route {@code /automation}). The page runs no script and is never framed; the
 * previewed email sits in a {@code sandbox}ed {@code srcdoc} frame (no script, no same origin), whose inline styles
 * and remote images the policy allows so the email looks as it will.
 */
@Component
class PreviewPageHeaders implements PageHeaders {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' https: data:; frame-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

    private static final Map<String, String> HEADERS = Map.of(
            "X-Frame-Options", "DENY",
            "Content-Security-Policy", CONTENT_SECURITY_POLICY);

    @Override
    public Map<String, String> forPath(String path) {
        return HEADERS;
    }
}
