package com.peptalk.token.admin;

import com.peptalk.web.edge.PageHeaders;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Headers of every admin page, error pages and the container's refusals included (set by the web edge on the page
 * route {@code /admin}, {@code peptalk.web.page-paths}). The pages show secrets: besides the edge's
 * {@code no-store} and {@code no-referrer}, they need no script and are never framed, which the content security
 * policy states.
 */
@Component
class AdminPageHeaders implements PageHeaders {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private static final Map<String, String> HEADERS = Map.of(
            "X-Frame-Options", "DENY",
            "Content-Security-Policy", CONTENT_SECURITY_POLICY);

    @Override
    public Map<String, String> forPath(String path) {
        return HEADERS;
    }
}
