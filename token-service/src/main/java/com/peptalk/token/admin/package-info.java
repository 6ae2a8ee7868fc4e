/**
 * The admin pages of the Procore integration, server-rendered (Thymeleaf, no JavaScript): Project Groups with
 * the "Generate API tokens" batch action and "Open Procore", Projects with "View Procore Report". They read the
 * directory tables directly and go through {@code ApiTokens} for every token; they keep no HTTP session (several
 * replicas run), so a batch action's outcome travels back in a short signed query parameter. Admins are
 * authenticated by the gateway in front.
 */
package com.peptalk.token.admin;
