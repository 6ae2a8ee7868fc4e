/**
 * The gateway: stateless routing to the services. Features: {@code routing} (upstream timeouts, circuit breaker
 * fallbacks, path guard, route metadata), {@code edge} (size and shape of requests, refused before routing),
 * {@code admin} (admin authentication and sign-in), {@code ratelimit} (per-client limits), {@code forwarded} (client
 * address behind trusted proxies), {@code requestid}, {@code headers} (security headers), {@code problems} (RFC 9457
 * error bodies) and {@code health} (downstream services' readiness).
 */
package com.peptalk.gateway;
