/**
 * Routing to the services. The routes themselves are configuration ({@code application.yml}); this package holds
 * what configuration cannot say: the list of services, the connect timeout, the circuit breaker fallback and
 * the guard against ambiguous paths.
 */
package com.peptalk.gateway.routing;
