package com.peptalk.gateway.headers;

import com.peptalk.gateway.GatewayProperties;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

/**
 * Puts the platform's security headers on every response, routed or not (404s, fallbacks, actuator), and makes
 * the gateway's framing policy win over whatever a service sent. A route opts out of the defaults through its
 * metadata in {@code application.yml}:
 * <ul>
 * <li>{@code frameable: true}: the route may be framed by {@code peptalk.gateway.frame-ancestors} (Procore's
 * iframe); every other response denies framing;</li>
 * <li>{@code referrer-policy}: e.g. {@code no-referrer} where the URL carries a token.</li>
 * </ul>
 */
@Component
public class SecurityHeadersFilter implements WebFilter, Ordered {

    public static final String FRAMEABLE = "frameable";
    public static final String REFERRER_POLICY = "referrer-policy";

    static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";
    static final String DEFAULT_REFERRER_POLICY = "strict-origin-when-cross-origin";
    static final String HSTS = "max-age=31536000; includeSubDomains";
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    private static final Pattern FRAME_ANCESTORS_DIRECTIVE = Pattern.compile("(?i)\\s*frame-ancestors(\\s.*)?");

    private final String frameAncestors;

    public SecurityHeadersFilter(GatewayProperties properties) {
        this.frameAncestors = "frame-ancestors " + String.join(" ", properties.frameAncestors());
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        // at commit: the service's headers are in by then, and these must replace them
        exchange.getResponse().beforeCommit(() -> {
            apply(exchange.getResponse().getHeaders(), routeMetadata(exchange));
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    void apply(HttpHeaders headers, Map<String, Object> routeMetadata) {
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Strict-Transport-Security", HSTS);
        Object referrerPolicy = routeMetadata.get(REFERRER_POLICY);
        headers.set("Referrer-Policy", referrerPolicy != null ? referrerPolicy.toString() : DEFAULT_REFERRER_POLICY);

        boolean frameable = Boolean.parseBoolean(String.valueOf(routeMetadata.get(FRAMEABLE)));
        List<String> policies = withoutFrameAncestors(headers.get(CONTENT_SECURITY_POLICY));
        if (frameable) {
            // X-Frame-Options cannot name several origins, and a browser that knows CSP ignores it anyway
            headers.remove("X-Frame-Options");
            policies.add(frameAncestors);
        }
        else {
            headers.set("X-Frame-Options", "DENY");
            policies.add("frame-ancestors 'none'");
        }
        headers.put(CONTENT_SECURITY_POLICY, policies);
    }

    /**
     * The service's policies with their {@code frame-ancestors} directives taken out, the rest kept. A browser
     * enforces every policy it gets, so leaving a service's {@code frame-ancestors 'self'} next to ours would
     * still block Procore.
     */
    static List<String> withoutFrameAncestors(List<String> policies) {
        List<String> kept = new ArrayList<>();
        if (policies == null) {
            return kept;
        }
        // a comma separates policies within one header line, as separate header lines do
        for (String policy : policies.stream().flatMap(value -> Arrays.stream(value.split(","))).toList()) {
            List<String> directives = new ArrayList<>();
            for (String directive : policy.split(";")) {
                if (!directive.isBlank() && !FRAME_ANCESTORS_DIRECTIVE.matcher(directive).matches()) {
                    directives.add(directive.strip());
                }
            }
            if (!directives.isEmpty()) {
                kept.add(String.join("; ", directives));
            }
        }
        return kept;
    }

    private static Map<String, Object> routeMetadata(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
        return route != null ? route.getMetadata() : Map.of();
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
