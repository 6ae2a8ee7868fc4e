package com.peptalk.gateway.routing;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.Locale;

/**
 * Refuses paths that a service behind the gateway could read differently from the gateway. Routes match the raw
 * path, but a servlet container normalises it: {@code /api/tokens/../../internal/x} matches the token route here
 * and reaches {@code /internal/x} there. Dot segments, encoded dots and slashes, backslashes and path parameters
 * ({@code ..;/}) are never needed by the platform's URLs, so they are a 400, whatever route they would match.
 */
@Component
class PathGuard implements WebFilter, Ordered {

    /** After the request id and the security headers, so that the refusal carries both. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (isAmbiguous(exchange.getRequest().getURI().getRawPath())) {
            return Mono.error(new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "The path has dot segments, encoded separators or path parameters"));
        }
        return chain.filter(exchange);
    }

    static boolean isAmbiguous(String rawPath) {
        if (rawPath == null) {
            return false;
        }
        String path = rawPath.toLowerCase(Locale.ROOT);
        if (path.contains("%2e") || path.contains("%2f") || path.contains("%5c") || path.contains("%00")
                || path.contains("\\") || path.contains(";")) {
            return true;
        }
        for (String segment : path.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
