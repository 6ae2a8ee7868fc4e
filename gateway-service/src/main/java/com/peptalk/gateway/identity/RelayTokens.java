package com.peptalk.gateway.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.springframework.stereotype.Component;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Signs the identity the gateway relays to a service: a JWS (RFC 7515) in compact form, ES256 (RFC 7518 §3.4) with
 * the header {@code kid} = {@code peptalk.gateway.identity.key-id}, carrying the JWT (RFC 7519) claims
 * <ul>
 * <li>{@code iss} = {@value #ISSUER};</li>
 * <li>{@code aud} = the service the request goes to ({@code token-service}, ...);</li>
 * <li>{@code sub} = the caller the gateway authenticated (an admin's subject);</li>
 * <li>{@code kind} = what kind of caller: {@code admin} (later {@code company}, {@code project});</li>
 * <li>{@code scope} = what the caller may do, space-separated (RFC 8693 §4.2);</li>
 * <li>{@code iat}, {@code exp} = {@code iat} + {@value #LIFETIME_SECONDS} s, {@code jti} = a random UUID.</li>
 * </ul>
 * The contract the services verify against; see the gateway's README, "Identity relayed to the services".
 */
@Component
public class RelayTokens {

    public static final String ISSUER = "peptalk-gateway";
    public static final String KIND_ADMIN = "admin";
    public static final long LIFETIME_SECONDS = 60;

    private final ECDSASigner signer;
    private final String keyId;
    private final Clock clock;

    public RelayTokens(IdentityProperties properties, Clock clock) {
        this.signer = signer(properties.signingKey());
        this.keyId = properties.keyId();
        this.clock = clock;
    }

    /** A token for {@code subject}, valid at {@code audience} for {@value #LIFETIME_SECONDS} s from now. */
    public String sign(String subject, String kind, List<String> scopes, String audience) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER).audience(audience).subject(subject)
                .claim("kind", kind).claim("scope", String.join(" ", scopes))
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofSeconds(LIFETIME_SECONDS))))
                .jwtID(UUID.randomUUID().toString()).build();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(keyId).type(JOSEObjectType.JWT).build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(signer);
        }
        catch (JOSEException ex) {
            throw new IllegalStateException("Could not sign a relayed identity", ex);
        }
        return jwt.serialize();
    }

    /** A token for {@code caller}, valid at {@code audience} for {@value #LIFETIME_SECONDS} s from now. */
    public String sign(Caller caller, String audience) {
        return sign(caller.subject(), caller.kind(), caller.scopes(), audience);
    }

    /** The key, from PEM or one-line base64 DER; a key that is unreadable or not P-256 stops start-up, unquoted. */
    static ECDSASigner signer(String pkcs8) {
        String base64 = pkcs8.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        try {
            byte[] der = Base64.getDecoder().decode(base64);
            ECPrivateKey key = (ECPrivateKey) KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
            ECParameterSpec params = key.getParams();
            if (params.getCurve().getField().getFieldSize() != 256) {
                throw new IllegalArgumentException("not P-256");
            }
            return new ECDSASigner(key);
        }
        catch (IllegalArgumentException | ClassCastException | GeneralSecurityException | JOSEException ex) {
            throw new IllegalStateException("peptalk.gateway.identity.signing-key must be an EC P-256 private key "
                    + "in PKCS#8 (PEM, or its DER in base64); the value is not shown");
        }
    }
}
