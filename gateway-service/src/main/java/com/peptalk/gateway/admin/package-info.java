/**
 * Admin authentication at the edge, for the routes whose metadata says {@code authentication: admin}: an admin
 * API key (configured as its SHA-256 hash) or a bearer JWT from the configured OIDC issuer, and on admin pages a
 * signed session cookie set by the gateway's own login page ({@code /admin/login}). The credential never goes
 * downstream; the service gets {@code X-Admin-Subject} instead.
 */
package com.peptalk.gateway.admin;
