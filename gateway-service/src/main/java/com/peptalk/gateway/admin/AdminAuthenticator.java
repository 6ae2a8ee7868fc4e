package com.peptalk.gateway.admin;

import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Locale;

/**
 * Reads a request's admin credential: {@code Authorization: Bearer <API key or issuer JWT>}, or
 * {@code X-Api-Key: <API key>}, or, on admin pages only, the session cookie. Exactly one header credential: two
 * (or a repeated header) are refused rather than guessed between.
 */
@Component
class AdminAuthenticator {

    static final String API_KEY_HEADER = "X-Api-Key";

    private final ApiKeys apiKeys;
    private final IssuerTokens issuerTokens;
    private final AdminSessions sessions;

    AdminAuthenticator(ApiKeys apiKeys, IssuerTokens issuerTokens, AdminSessions sessions) {
        this.apiKeys = apiKeys;
        this.issuerTokens = issuerTokens;
        this.sessions = sessions;
    }

    /** @param pages whether the route serves admin pages, where the session cookie counts */
    Mono<Verdict> authenticate(ServerHttpRequest request, boolean pages) {
        HttpHeaders headers = request.getHeaders();
        List<String> authorization = headers.getOrEmpty(HttpHeaders.AUTHORIZATION);
        List<String> apiKey = headers.getOrEmpty(API_KEY_HEADER);
        if (authorization.size() + apiKey.size() > 1) {
            return Mono.just(new Verdict.Unauthenticated(true));
        }
        if (authorization.size() == 1) {
            String token = bearerToken(authorization.getFirst());
            if (token == null) {
                return Mono.just(new Verdict.Unauthenticated(true));
            }
            return issuerTokens.accepts(token) ? issuerTokens.verify(token) : Mono.just(ofApiKey(token));
        }
        if (apiKey.size() == 1) {
            return Mono.just(ofApiKey(apiKey.getFirst().strip()));
        }
        if (pages) {
            HttpCookie session = request.getCookies().getFirst(AdminSessions.COOKIE);
            if (session != null) {
                return Mono.just(ofSession(session.getValue()));
            }
        }
        return Mono.just(new Verdict.Unauthenticated(false));
    }

    /** The subject of a session cookie that is valid and whose API key is still configured. */
    Verdict ofSession(String cookie) {
        return sessions.subjectOf(cookie)
                .filter(subject -> !subject.startsWith(ApiKeys.SUBJECT_PREFIX) || apiKeys.isConfigured(subject))
                .<Verdict>map(subject -> new Verdict.Admitted(subject, Verdict.Via.SESSION))
                .orElse(new Verdict.Unauthenticated(true));
    }

    private Verdict ofApiKey(String key) {
        return apiKeys.subjectOf(key).<Verdict>map(subject -> new Verdict.Admitted(subject, Verdict.Via.API_KEY))
                .orElse(new Verdict.Unauthenticated(true));
    }

    /** The token of {@code Bearer <token>} (scheme case-insensitive, RFC 6750), {@code null} for anything else. */
    static String bearerToken(String authorization) {
        String value = authorization.strip();
        if (value.length() < 8 || !value.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
            return null;
        }
        String token = value.substring(7).strip();
        return token.isEmpty() ? null : token;
    }
}
