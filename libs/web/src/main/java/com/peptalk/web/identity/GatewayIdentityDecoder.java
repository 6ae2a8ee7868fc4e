package com.peptalk.web.identity;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.security.KeyFactory;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import java.util.List;

/**
 * Verifies the identity the gateway relays (the gateway's {@code RelayTokens}): a JWS compact JWT, ES256 only
 * (RFC 7518 §3.4), signed by one of {@link IdentityProperties#keys()} chosen by its {@code kid}, with {@code iss} the
 * gateway, {@code aud} this service, a {@code sub}, and {@code exp}/{@code nbf} within {@link
 * IdentityProperties#clockSkew()}. Anything else is not an identity (401).
 */
final class GatewayIdentityDecoder {

    static JwtDecoder of(IdentityProperties properties, String audience) {
        List<com.nimbusds.jose.jwk.JWK> keys = properties.keys().stream()
                .map(key -> (com.nimbusds.jose.jwk.JWK) new ECKey.Builder(Curve.P_256, publicKey(key)).keyID(key.id())
                        .build())
                .toList();
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256,
                new ImmutableJWKSet<>(new JWKSet(keys))));
        // Spring Security checks the claims below; Nimbus only the signature
        processor.setJWTClaimsSetVerifier((claims, context) -> {
        });
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(properties.clockSkew()),
                new JwtIssuerValidator(properties.issuer()),
                new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD,
                        aud -> aud != null && aud.contains(audience)),
                token -> token.getSubject() == null || token.getSubject().isBlank()
                        ? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "no subject", null))
                        : OAuth2TokenValidatorResult.success(),
                (Jwt token) -> token.getExpiresAt() == null
                        ? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "no expiry", null))
                        : OAuth2TokenValidatorResult.success()));
        return decoder;
    }

    /** The key from PEM or one-line base64 DER; an unreadable key stops start-up naming the setting, not the value. */
    static ECPublicKey publicKey(IdentityProperties.TrustedKey key) {
        String base64 = key.publicKey().replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        try {
            ECPublicKey publicKey = (ECPublicKey) KeyFactory.getInstance("EC")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
            if (publicKey.getParams().getCurve().getField().getFieldSize() != 256) {
                throw new IllegalArgumentException("not P-256");
            }
            return publicKey;
        }
        catch (RuntimeException | java.security.GeneralSecurityException ex) {
            throw new IllegalStateException("peptalk.web.identity.keys (id " + key.id() + ").public-key must be an EC "
                    + "P-256 public key (X.509 SubjectPublicKeyInfo, PEM or its DER in base64)");
        }
    }

    private GatewayIdentityDecoder() {
    }
}
