package com.peptalk.bench;

import com.peptalk.testsupport.GatewayIdentity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * For benchmarks that call a service of the {@code ./run up} stack directly (the baseline without the gateway):
 * the identity the gateway would relay for an admin, signed with the local run's gateway key from
 * {@code <run dir>/secrets.env} ({@code PEPTALK_GATEWAY_IDENTITY_SIGNINGKEY}, {@code _KEYID}), valid 15 minutes at
 * every service, exactly as the gateway's {@code RelayTokens} writes it ({@link GatewayIdentity} signs it).
 */
final class LocalIdentity {

    /** {@code Bearer <jwt>} for the stack whose run directory is under {@code repository} (or PEPTALK_RUN_DIR). */
    static String authorization(Path repository) {
        String runDir = System.getenv().getOrDefault("PEPTALK_RUN_DIR", repository.resolve(".run").toString());
        Map<String, String> secrets = read(Path.of(runDir).resolve("secrets.env"));
        String key = secrets.get("PEPTALK_GATEWAY_IDENTITY_SIGNINGKEY");
        String keyId = secrets.get("PEPTALK_GATEWAY_IDENTITY_KEYID");
        if (key == null || keyId == null) {
            throw new IllegalStateException("no gateway identity key in " + runDir + "/secrets.env: ./run up first");
        }
        ECPrivateKey privateKey;
        try {
            privateKey = (ECPrivateKey) KeyFactory.getInstance("EC")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(key)));
        }
        catch (GeneralSecurityException | IllegalArgumentException ex) {
            throw new IllegalStateException("the local gateway identity key cannot be read (not shown)");
        }
        return GatewayIdentity.authorization(privateKey, keyId, "benchmark", Duration.ofMinutes(15));
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
