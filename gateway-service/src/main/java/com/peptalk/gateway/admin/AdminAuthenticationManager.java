package com.peptalk.gateway.admin;

import com.peptalk.gateway.GatewayProperties;
import io.netty.channel.ChannelOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Authenticates an admin's bearer token: a JWT from {@code peptalk.gateway.admin.jwt.issuer-uri} (when set) through
 * Spring Security's resource server ({@link JwtReactiveAuthenticationManager}), anything else as an admin API key
 * ({@link ApiKeys}). Both kinds work side by side.
 * <p>
 * Issuer tokens: the issuer's OpenID configuration and keys (JWKS) are fetched on first use, not at start-up (the
 * gateway starts while the identity provider is down), and cached; a key id not seen yet makes the keys be fetched
 * again, so key rotation needs no restart. Checked: the signature against the issuer's keys ({@code alg: none}
 * fails), {@code iss}, {@code exp}/{@code nbf} (60 s leeway), {@code aud} when configured, a usable subject
 * ({@code jwt.subject-claim}); the authorities ({@code jwt.authorities-claim}, a space-separated string or a list)
 * become the authentication's, so the required authority is checked by the filter chain's authorization (403).
 * An issuer out of reach is an {@link AuthenticationServiceException} (503), never a wrong token.
 */
@Component
class AdminAuthenticationManager implements ReactiveAuthenticationManager {

    private static final Logger log = LoggerFactory.getLogger(AdminAuthenticationManager.class);

    /** Three base64url parts: a JWS in compact form. API keys (letters and digits) never look like one. */
    private static final Pattern COMPACT_JWS = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");

    /** What a subject may be: printable ASCII, not too long (it goes into logs and the relayed identity). */
    private static final Pattern USABLE_SUBJECT = Pattern.compile("[\\x21-\\x7E][\\x20-\\x7E]{0,199}");

    private final ApiKeys apiKeys;
    private final AdminProperties.JwtSettings settings;
    private final ReactiveAuthenticationManager issuerTokens;

    AdminAuthenticationManager(ApiKeys apiKeys, AdminProperties properties, GatewayProperties gateway, Clock clock) {
        this.apiKeys = apiKeys;
        this.settings = properties.jwt();
        this.issuerTokens = settings.enabled() ? issuerTokens(settings, gateway, clock) : null;
    }

    @Override
    public Mono<Authentication> authenticate(Authentication authentication) {
        String token = authentication instanceof BearerTokenAuthenticationToken bearer ? bearer.getToken()
                : String.valueOf(authentication.getCredentials());
        if (issuerTokens != null && authentication instanceof BearerTokenAuthenticationToken
                && COMPACT_JWS.matcher(token).matches()) {
            return issuerTokens.authenticate(authentication)
                    .onErrorMap(failure -> !(failure instanceof AuthenticationException), this::issuerOutOfReach);
        }
        return apiKeys.authenticationOf(token).map(Mono::just)
                .orElseGet(() -> Mono.error(new BadCredentialsException("not an admin API key")));
    }

    /** Not the token's fault: its details (never the token) go to the log, the caller gets a 503. */
    private AuthenticationException issuerOutOfReach(Throwable failure) {
        log.warn("Could not check an admin bearer token against {}: {}", settings.issuerUri(), failure.toString());
        return new AuthenticationServiceException("identity provider out of reach");
    }

    private static ReactiveAuthenticationManager issuerTokens(AdminProperties.JwtSettings settings,
            GatewayProperties gateway, Clock clock) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withIssuerLocation(settings.issuerUri())
                .webClient(webClient(gateway.connectTimeout(), settings.keysTimeout()))
                .build();
        JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ofSeconds(60));
        timestamps.setClock(clock);
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>(List.of(timestamps,
                new JwtIssuerValidator(settings.issuerUri()), new JwtClaimValidator<>(settings.subjectClaim(),
                        subject -> subject instanceof String name && USABLE_SUBJECT.matcher(name).matches())));
        if (settings.audience() != null && !settings.audience().isBlank()) {
            validators.add(new JwtAudienceValidator(settings.audience()));
        }
        decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(validators));
        JwtReactiveAuthenticationManager manager = new JwtReactiveAuthenticationManager(decoder);
        manager.setJwtAuthenticationConverter(new ReactiveJwtAuthenticationConverterAdapter(authorities(settings)));
        return manager;
    }

    /** The token's authorities as they are in the claim (no {@code SCOPE_} prefix), its subject as the name. */
    private static Converter<Jwt, AbstractAuthenticationToken> authorities(AdminProperties.JwtSettings settings) {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName(settings.authoritiesClaim());
        authorities.setAuthorityPrefix("");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        converter.setPrincipalClaimName(settings.subjectClaim());
        return converter;
    }

    /** Bounded like every other call the gateway makes: an identity provider that hangs must not hang admins. */
    private static WebClient webClient(Duration connectTimeout, Duration responseTimeout) {
        HttpClient client = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(connectTimeout.toMillis()))
                .responseTimeout(responseTimeout);
        return WebClient.builder().clientConnector(new ReactorClientHttpConnector(client)).build();
    }
}
