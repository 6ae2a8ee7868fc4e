package com.peptalk.web.edge;

import jakarta.servlet.http.HttpServletResponse;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The security headers of every answer: API routes get {@link #API} (nothing to frame, sniff, cache or refer), page
 * routes the {@link #BASELINE} plus their service's {@link PageHeaders}. Applied by the header filter before a
 * request is handled, again by the error page, and by the container's error valve, so that an error carries the
 * same headers as a normal answer.
 */
public final class EdgeHeaders {

    /** What every answer carries: answers may hold secrets (tokens), so nothing keeps or passes them on. */
    public static final Map<String, String> BASELINE = Map.of(
            "Cache-Control", "no-store",
            "Referrer-Policy", "no-referrer",
            "X-Content-Type-Options", "nosniff");

    /** An API answer: the baseline, never framed, no content to run. */
    public static final Map<String, String> API;

    static {
        Map<String, String> api = new LinkedHashMap<>(BASELINE);
        api.put("X-Frame-Options", "DENY");
        api.put("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'; base-uri 'none'");
        API = Map.copyOf(api);
    }

    private final WebEdgeProperties properties;
    private final PageHeaders pageHeaders;

    EdgeHeaders(WebEdgeProperties properties, PageHeaders pageHeaders) {
        this.properties = properties;
        this.pageHeaders = pageHeaders;
    }

    /** The headers for a request to this path. */
    Map<String, String> forPath(String path) {
        if (!properties.isPage(path)) {
            return API;
        }
        Map<String, String> headers = new LinkedHashMap<>(BASELINE);
        if (pageHeaders != null) {
            headers.putAll(pageHeaders.forPath(path));
        }
        return headers;
    }

    void apply(String path, HttpServletResponse response) {
        forPath(path).forEach(response::setHeader);
    }
}
