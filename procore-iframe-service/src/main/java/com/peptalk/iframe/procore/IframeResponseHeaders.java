package com.peptalk.iframe.procore;

import com.peptalk.web.edge.PageHeaders;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Headers of every iframe response, error pages and the container's refusals included (this service's routes are
 * all pages, {@code peptalk.web.page-paths: /}; the web edge of libs/web sets them, with {@code no-store},
 * {@code no-referrer} and {@code nosniff}: the token travels in the address, so nothing may keep a copy or pass the
 * address on). The pages are made to be framed, but only by Procore ({@code frame-ancestors}; no
 * {@code X-Frame-Options}, which cannot name several origins). The pages need no script, which the policy states.
 */
@Component
class IframeResponseHeaders implements PageHeaders {

    private final Map<String, String> headers;

    IframeResponseHeaders(IframeProperties properties) {
        this.headers = Map.of("Content-Security-Policy", "default-src 'none'; style-src 'self'; img-src 'self'; "
                + "form-action 'self'; base-uri 'none'; frame-ancestors " + String.join(" ",
                        properties.frameAncestors()));
    }

    @Override
    public Map<String, String> forPath(String path) {
        return headers;
    }
}
