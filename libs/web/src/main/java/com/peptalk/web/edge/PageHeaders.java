package com.peptalk.web.edge;

import java.util.Map;

/**
 * The security headers of a service's page routes (admin pages, the Procore iframe), which differ per service
 * (who may frame them, what the content security policy allows). A service with pages declares one bean; the edge
 * sets these headers on every answer of a page route, error pages and container refusals included. API routes always
 * get {@link EdgeHeaders#API}.
 */
@FunctionalInterface
public interface PageHeaders {

    /** The headers for a page route of this path (names as in HTTP, values as sent). */
    Map<String, String> forPath(String path);
}
