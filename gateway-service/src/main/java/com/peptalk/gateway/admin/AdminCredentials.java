package com.peptalk.gateway.admin;

import com.peptalk.gateway.identity.GatewayCredentials;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Locale;

/**
 * Reads a request's header credential for the resource server: {@code Authorization: Bearer <API key or issuer
 * JWT>} (scheme in any case, RFC 6750 §2.1) or {@code X-Api-Key: <API key>}, as a bearer token. Exactly one: two
 * (or a repeated header), another {@code Authorization} scheme or an empty token are an invalid credential (401
 * with {@code error="invalid_token"}) rather than guessed between; none is no credential (the session cookie may
 * still count, on admin pages).
 */
class AdminCredentials implements ServerAuthenticationConverter {

    @Override
    public Mono<Authentication> convert(ServerWebExchange exchange) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        List<String> authorization = headers.getOrEmpty(HttpHeaders.AUTHORIZATION);
        List<String> apiKey = headers.getOrEmpty(GatewayCredentials.API_KEY_HEADER);
        if (authorization.size() + apiKey.size() > 1) {
            return invalid("more than one credential");
        }
        String token = authorization.size() == 1 ? bearerToken(authorization.getFirst())
                : apiKey.size() == 1 ? apiKey.getFirst().strip() : null;
        if (authorization.isEmpty() && apiKey.isEmpty()) {
            return Mono.empty();
        }
        return token == null || token.isEmpty() ? invalid("not a bearer token")
                : Mono.just(new BearerTokenAuthenticationToken(token));
    }

    /** The token of {@code Bearer <token>}, {@code null} for anything else. */
    static String bearerToken(String authorization) {
        String value = authorization.strip();
        if (value.length() < 8 || !value.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
            return null;
        }
        String token = value.substring(7).strip();
        return token.isEmpty() ? null : token;
    }

    private static Mono<Authentication> invalid(String why) {
        return Mono.error(new InvalidBearerTokenException("Admin credential refused: " + why));
    }
}
