/**
 * Rate limits per client and route group: an in-memory token bucket per client (its address, or the admin's
 * subject on admin routes) in each group a route names in its {@code rate-limit} metadata. Per gateway replica:
 * nothing is shared between replicas (the platform has no Redis), so N replicas let a client through up to N
 * times the configured rate when the load balancer spreads its requests.
 */
package com.peptalk.gateway.ratelimit;
