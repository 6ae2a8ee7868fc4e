package com.peptalk.heartbeat.dashboard;

import com.peptalk.web.edge.PageHeaders;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Headers of the dashboard pages (the page route {@code /heartbeats}, {@code peptalk.web.page-paths}): no script at
 * all (the page refreshes itself by {@code <meta http-equiv="refresh">}, the chart is inline SVG), styles and images
 * from itself only, never framed.
 */
@Component
class DashboardPageHeaders implements PageHeaders {

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
