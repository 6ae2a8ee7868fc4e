package com.peptalk.bench;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * For benchmarks that call a service of the {@code ./run up} stack directly (the baseline without the gateway):
 * the identity the gateway would relay for an admin, signed with the local run's gateway key from
 * {@code <run dir>/secrets.env} ({@code PEPTALK_GATEWAY_IDENTITY_SIGNINGKEY}, {@code _KEYID}), valid 15 minutes at
 * every service, exactly as the gateway's {@code RelayTokens} writes it.
 */
final class LocalIdentity {

    private static final List<String> SERVICES = List.of("token-service", "procore-iframe-service",
            "automation-service", "delivery-service", "tracking-service", "heartbeat-service");

    /** {@code Bearer <jwt>} for the stack whose run directory is under {@code repository} (or PEPTALK_RUN_DIR). */
    static String authorization(Path repository) {
        String runDir = System.getenv().getOrDefault("PEPTALK_RUN_DIR", repository.resolve(".run").toString());
        Map<String, String> secrets = read(Path.of(runDir).resolve("secrets.env"));
        String key = secrets.get("PEPTALK_GATEWAY_IDENTITY_SIGNINGKEY");
        String keyId = secrets.get("PEPTALK_GATEWAY_IDENTITY_KEYID");
        if (key == null || keyId == null) {
            throw new IllegalStateException("no gateway identity key in " + runDir + "/secrets.env: ./run up first");
        }
        try {
            ECPrivateKey privateKey = (ECPrivateKey) KeyFactory.getInstance("EC")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(key)));
            Instant now = Instant.now();
            JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("peptalk-gateway").audience(SERVICES)
                    .subject("benchmark").claim("kind", "admin").claim("scope", "admin").issueTime(Date.from(now))
                    .expirationTime(Date.from(now.plus(Duration.ofMinutes(15)))).jwtID(UUID.randomUUID().toString())
                    .build();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(keyId)
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new ECDSASigner(privateKey));
            return "Bearer " + jwt.serialize();
        }
        catch (GeneralSecurityException | JOSEException | IllegalArgumentException ex) {
            throw new IllegalStateException("the local gateway identity key cannot sign (not shown)");
        }
    }

    private static Map<String, String> read(Path file) {
        try {
            return Files.readAllLines(file).stream().filter(line -> line.contains("=") && !line.startsWith("#"))
                    .collect(Collectors.toMap(line -> line.substring(0, line.indexOf('=')),
                            line -> line.substring(line.indexOf('=') + 1), (a, b) -> b));
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot read " + file + ": ./run up first", ex);
        }
    }

    private LocalIdentity() {
    }
}
