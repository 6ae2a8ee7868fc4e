/**
 * Admin authentication at the edge on Spring Security for WebFlux ({@link com.peptalk.gateway.admin.AdminSecurity}),
 * for the routes whose metadata says {@code authentication: admin}: an admin API key (configured as its SHA-256
 * hash) or a bearer JWT from the configured OIDC issuer, and on admin pages a signed session cookie set by the
 * gateway's own login page ({@code /admin/login}). The credential never goes downstream; the service gets the
 * gateway's relayed identity instead.
 */
package com.peptalk.gateway.admin;
