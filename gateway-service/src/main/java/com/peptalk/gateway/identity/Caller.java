package com.peptalk.gateway.identity;

import org.springframework.web.server.ServerWebExchange;

import java.util.List;

/**
 * The caller the gateway authenticated for one exchange, as the services learn it through the relayed identity
 * ({@link RelayTokens}): its subject ({@code api-key:<12 hex>}, an issuer token's {@code sub}), its kind
 * ({@link RelayTokens#KIND_ADMIN}; later {@code company}, {@code project}) and its scopes. Set by the sign-in
 * before routing, read by the rate limit (admins are counted by subject) and by the forwarded headers.
 *
 * @param subject who, never a credential
 * @param kind what kind of caller
 * @param scopes what it may do
 */
public record Caller(String subject, String kind, List<String> scopes) {

    private static final String ATTRIBUTE = Caller.class.getName();

    /** The authenticated caller of this exchange, or {@code null} (a route the services authenticate). */
    public static Caller of(ServerWebExchange exchange) {
        return exchange.getAttribute(ATTRIBUTE);
    }

    public void setOn(ServerWebExchange exchange) {
        exchange.getAttributes().put(ATTRIBUTE, this);
    }
}
