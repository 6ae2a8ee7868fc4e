package com.peptalk.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * The gateway's side of the identity relay, for tests: a P-256 key pair made once per test JVM (its public key is
 * what every {@code @ServiceTest} context trusts, see {@code GatewayIdentityContextCustomizerFactory}), and tokens
 * signed with it exactly as the gateway's {@code RelayTokens} signs them (ES256, {@code kid}, {@code iss}
 * {@value #ISSUER}, {@code aud}, {@code sub}, {@code kind}, {@code scope}, 60 s). Also tokens that must be refused.
 */
public final class GatewayIdentity {

    public static final String ISSUER = "peptalk-gateway";
    public static final String KEY_ID = "test-gateway";

    /** Every servlet service: a test token for all of them is valid wherever a test sends it. */
    public static final List<String> SERVICES = List.of("token-service", "procore-iframe-service",
            "automation-service", "delivery-service", "tracking-service", "heartbeat-service");

    private static final KeyPair KEYS = generate();

    /** {@code Bearer <token>} for an admin, as the gateway relays one (valid at every service, 60 s). */
    public static String authorization() {
        return "Bearer " + token(SERVICES, "admin@test", ISSUER, Duration.ofSeconds(60),
                (ECPrivateKey) KEYS.getPrivate());
    }

    /** A token for {@code audience} with the given subject, issuer and lifetime (negative: already expired). */
    public static String token(String audience, String subject, String issuer, Duration lifetime) {
        return token(List.of(audience), subject, issuer, lifetime, (ECPrivateKey) KEYS.getPrivate());
    }

    /**
     * {@code Bearer <token>} for an admin (subject {@code subject}, valid at every service for {@code lifetime}) signed
     * with a given gateway key: what a tool outside the tests (a benchmark against the local run) signs with the
     * local run's key.
     */
    public static String authorization(ECPrivateKey key, String keyId, String subject, Duration lifetime) {
        return "Bearer " + token(SERVICES, subject, ISSUER, lifetime, key, keyId);
    }

    /** A well-formed token signed by a key nobody trusts. */
    public static String tokenOfAnotherKey(String audience) {
        return token(List.of(audience), "admin@test", ISSUER, Duration.ofSeconds(60),
                (ECPrivateKey) generate().getPrivate());
    }

    /** The public key the services trust in tests: X.509 SubjectPublicKeyInfo DER in base64. */
    public static String publicKey() {
        return Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded());
    }

    private static String token(List<String> audience, String subject, String issuer, Duration lifetime,
            ECPrivateKey key) {
        return token(audience, subject, issuer, lifetime, key, KEY_ID);
    }

    private static String token(List<String> audience, String subject, String issuer, Duration lifetime,
            ECPrivateKey key, String keyId) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).audience(audience).subject(subject)
                .claim("kind", "admin").claim("scope", "admin").issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime))).jwtID(UUID.randomUUID().toString()).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(keyId)
                .type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new ECDSASigner(key));
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
        return jwt.serialize();
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        }
        catch (java.security.GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private GatewayIdentity() {
    }
}
