package com.peptalk.gateway.admin;

import org.springframework.web.server.ServerWebExchange;

/**
 * The authenticated admin of a request, as the services learn it: the gateway sets {@code X-Admin-Subject} on
 * admin routes, and removes any a caller sent, on every route.
 */
public final class AdminSubject {

    public static final String HEADER = "X-Admin-Subject";

    private static final String ATTRIBUTE = AdminSubject.class.getName();

    /** The admin the gateway authenticated for this exchange, or {@code null} (a public route, or none yet). */
    public static String of(ServerWebExchange exchange) {
        return exchange.getAttribute(ATTRIBUTE);
    }

    static void set(ServerWebExchange exchange, String subject) {
        exchange.getAttributes().put(ATTRIBUTE, subject);
    }

    private AdminSubject() {
    }
}
