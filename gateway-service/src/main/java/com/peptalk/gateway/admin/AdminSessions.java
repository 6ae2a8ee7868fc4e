package com.peptalk.gateway.admin;

import com.peptalk.gateway.forwarded.TrustedProxies;
import com.peptalk.gateway.identity.GatewayCredentials;
import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The admin session of a browser, as Spring Security's security context repository for the admin pages: where
 * {@code POST /admin/login} saves the signed-in admin, sign-out deletes it, and every admin page request loads it.
 * Stateless, so that any replica accepts it and nothing is stored: the cookie {@value GatewayCredentials#SESSION_COOKIE}
 * holds a JWT (RFC 7519) with the admin's subject, {@code iat} and {@code exp} (= {@code iat} + the session
 * lifetime), signed HS256 (RFC 7518 §3.2) under {@code peptalk.gateway.admin.session-signing-key} by Spring
 * Security's Nimbus encoder, and checked by its decoder (signature, issuer, expiry without leeway).
 * {@code HttpOnly} (no script reads it), {@code SameSite=Strict} (no other site makes the browser send it),
 * {@code Path=/}, and {@code Secure} when the browser came over HTTPS ({@link TrustedProxies}).
 * <p>
 * Being stateless, a session cannot be ended early one by one: signing out deletes the browser's cookie; removing
 * the API key ends its sessions at their next request; changing the signing key ends all of them.
 */
@Component
class AdminSessions implements ServerSecurityContextRepository {

    /** Who signs the session cookie: not {@code peptalk-gateway}, so a relayed identity is never a session. */
    private static final String ISSUER = "peptalk-gateway-admin-session";

    /** Larger values are not even decoded. */
    private static final int MAX_COOKIE_LENGTH = 1024;

    private final JwtEncoder encoder;
    private final JwtDecoder decoder;
    private final ApiKeys apiKeys;
    private final TrustedProxies proxies;
    private final Duration lifetime;
    private final Clock clock;

    AdminSessions(AdminProperties properties, ApiKeys apiKeys, TrustedProxies proxies, Clock clock) {
        SecretKey key = new SecretKeySpec(properties.sessionSigningKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.encoder = NimbusJwtEncoder.withSecretKey(key).algorithm(MacAlgorithm.HS256).build();
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
        JwtTimestampValidator expiry = new JwtTimestampValidator(Duration.ZERO);
        expiry.setClock(clock);
        decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(expiry, new JwtIssuerValidator(ISSUER)));
        this.decoder = decoder;
        this.apiKeys = apiKeys;
        this.proxies = proxies;
        this.lifetime = properties.sessionLifetime();
        this.clock = clock;
    }

    /** Starts the session of a signed-in admin ({@code context} with one), or ends the browser's ({@code null}). */
    @Override
    public Mono<Void> save(ServerWebExchange exchange, SecurityContext context) {
        boolean secure = proxies.isHttps(exchange.getRequest());
        Authentication admin = context != null ? context.getAuthentication() : null;
        exchange.getResponse().addCookie(admin != null ? start(admin.getName(), secure) : end(secure));
        return Mono.empty();
    }

    @Override
    public Mono<SecurityContext> load(ServerWebExchange exchange) {
        HttpCookie cookie = exchange.getRequest().getCookies().getFirst(GatewayCredentials.SESSION_COOKIE);
        return Mono.justOrEmpty(cookie).flatMap(session -> Mono.justOrEmpty(subjectOf(session.getValue())))
                .flatMap(subject -> Mono.justOrEmpty(apiKeys.adminOf(subject))).map(SecurityContextImpl::new);
    }

    ResponseCookie start(String subject, boolean secure) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer(ISSUER).subject(subject).issuedAt(now)
                .expiresAt(now.plus(lifetime)).build();
        String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
        return cookie(token, lifetime, secure);
    }

    ResponseCookie end(boolean secure) {
        return cookie("", Duration.ZERO, secure);
    }

    /** The subject of a cookie value this gateway signed and that has not expired. */
    Optional<String> subjectOf(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_COOKIE_LENGTH) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(decoder.decode(value).getSubject());
        }
        catch (JwtException forgedOrExpired) { // its details quote the cookie: never logged
            return Optional.empty();
        }
    }

    private static ResponseCookie cookie(String value, Duration maxAge, boolean secure) {
        return ResponseCookie.from(GatewayCredentials.SESSION_COOKIE, value).httpOnly(true).secure(secure)
                .sameSite("Strict").path("/").maxAge(maxAge).build();
    }
}
