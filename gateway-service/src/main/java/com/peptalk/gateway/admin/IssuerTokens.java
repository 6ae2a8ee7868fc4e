package com.peptalk.gateway.admin;

import com.peptalk.gateway.GatewayProperties;
import io.netty.channel.ChannelOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Bearer JWTs from {@code peptalk.gateway.admin.jwt.issuer-uri}. The issuer's OpenID configuration and keys
 * (JWKS) are fetched on first use, not at start-up (the gateway starts while the identity provider is down), and
 * cached; a token signed with a key id not seen yet makes the keys be fetched again, so key rotation needs no
 * restart. Checked: the signature against the issuer's keys, {@code iss}, {@code exp} and {@code nbf} (60 s
 * leeway), {@code aud} when configured, then the admin authority.
 */
@Component
class IssuerTokens {

    private static final Logger log = LoggerFactory.getLogger(IssuerTokens.class);

    /** Three base64url parts: a JWS in compact form. API keys (letters and digits) never look like one. */
    private static final Pattern COMPACT_JWS = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");

    /** What goes into a header: printable ASCII, not too long. */
    private static final Pattern USABLE_SUBJECT = Pattern.compile("[\\x21-\\x7E][\\x20-\\x7E]{0,199}");

    private final AdminProperties.JwtSettings settings;
    private final ReactiveJwtDecoder decoder;

    IssuerTokens(AdminProperties properties, GatewayProperties gateway, Clock clock) {
        this.settings = properties.jwt();
        this.decoder = settings.enabled() ? decoder(settings, gateway, clock) : null;
    }

    /** Whether {@code token} is for this class to check: an issuer is configured and it looks like a JWT. */
    boolean accepts(String token) {
        return decoder != null && COMPACT_JWS.matcher(token).matches();
    }

    Mono<Verdict> verify(String token) {
        return decoder.decode(token).map(this::verdict).onErrorResume(failure -> {
            if (failure instanceof BadJwtException) { // a bad token, not a bad issuer: its details stay out of the log
                return Mono.just(new Verdict.Unauthenticated(true));
            }
            log.warn("Could not check an admin bearer token against {}: {}", settings.issuerUri(), failure.toString());
            return Mono.just(new Verdict.IssuerUnavailable());
        });
    }

    private Verdict verdict(Jwt jwt) {
        Object subject = jwt.getClaims().get(settings.subjectClaim());
        if (!(subject instanceof String name) || !USABLE_SUBJECT.matcher(name).matches()) {
            return new Verdict.Unauthenticated(true);
        }
        if (!authorities(jwt.getClaims().get(settings.authoritiesClaim())).contains(settings.requiredAuthority())) {
            return new Verdict.LacksAuthority(settings.requiredAuthority());
        }
        return new Verdict.Admitted(name, Verdict.Via.ISSUER_TOKEN);
    }

    /** {@code "a b c"} (the {@code scope} claim) or {@code ["a", "b"]} (roles, groups). */
    static List<String> authorities(Object claim) {
        if (claim instanceof String text) {
            return Arrays.stream(text.trim().split("\\s+")).toList();
        }
        if (claim instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        return List.of();
    }

    private static ReactiveJwtDecoder decoder(AdminProperties.JwtSettings settings, GatewayProperties gateway,
            Clock clock) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withIssuerLocation(settings.issuerUri())
                .webClient(webClient(gateway.connectTimeout(), settings.keysTimeout()))
                .build();
        JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ofSeconds(60));
        timestamps.setClock(clock);
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>(
                List.of(timestamps, new JwtIssuerValidator(settings.issuerUri())));
        if (settings.audience() != null && !settings.audience().isBlank()) {
            validators.add(new JwtAudienceValidator(settings.audience()));
        }
        decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(validators));
        return decoder;
    }

    /** Bounded like every other call the gateway makes: an identity provider that hangs must not hang admins. */
    private static WebClient webClient(Duration connectTimeout, Duration responseTimeout) {
        HttpClient client = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(connectTimeout.toMillis()))
                .responseTimeout(responseTimeout);
        return WebClient.builder().clientConnector(new ReactorClientHttpConnector(client)).build();
    }
}
