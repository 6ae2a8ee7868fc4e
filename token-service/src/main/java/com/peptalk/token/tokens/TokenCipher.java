package com.peptalk.token.tokens;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The readable-by-admins copy of a token: AES-256-GCM under a key named by id, so keys can be rotated (new
 * tokens use the active key; old ones stay readable while their key is configured). The token id is the
 * associated data, so a ciphertext copied onto another row does not decrypt.
 */
final class TokenCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Map<String, SecretKeySpec> keys;
    private final String activeKeyId;
    private final SecureRandom random;

    TokenCipher(Map<String, String> base64Keys, String activeKeyId, SecureRandom random) {
        this.keys = base64Keys.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey,
                entry -> new SecretKeySpec(decodeKey(entry.getKey(), entry.getValue()), "AES")));
        if (!keys.containsKey(activeKeyId)) {
            throw new IllegalStateException("peptalk.tokens.active-key-id '" + activeKeyId
                    + "' is not one of peptalk.tokens.encryption-keys " + keys.keySet());
        }
        this.activeKeyId = activeKeyId;
        this.random = random;
    }

    String activeKeyId() {
        return activeKeyId;
    }

    byte[] encrypt(UUID tokenId, String token) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(tokenId));
            byte[] sealed = cipher.doFinal(token.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("could not encrypt a token", ex);
        }
    }

    String decrypt(UUID tokenId, String keyId, byte[] ciphertext) {
        SecretKeySpec key = keys.get(keyId);
        if (key == null) {
            throw new IllegalStateException("token " + tokenId + " is encrypted with key '" + keyId
                    + "', which is no longer in peptalk.tokens.encryption-keys");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, ciphertext, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData(tokenId));
            return new String(cipher.doFinal(ciphertext, NONCE_BYTES, ciphertext.length - NONCE_BYTES),
                    StandardCharsets.UTF_8);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("token " + tokenId + " does not decrypt with key '" + keyId + "'", ex);
        }
    }

    private static byte[] associatedData(UUID tokenId) {
        return tokenId.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] decodeKey(String keyId, String base64) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64);
        }
        catch (IllegalArgumentException ex) {
            throw new IllegalStateException("peptalk.tokens.encryption-keys." + keyId + " is not base64");
        }
        if (key.length != 32) {
            throw new IllegalStateException("peptalk.tokens.encryption-keys." + keyId
                    + " must be 32 bytes (base64 of an AES-256 key), not " + key.length);
        }
        return key;
    }
}
