package com.peptalk.token.tokens;

import com.peptalk.events.tokens.ApiTokenType;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenCipherTests {

    private static final String KEY_A = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private static final String KEY_B = "HxwdHhsaGRgXFhUUExIREA8ODQwLCgkIBwYFBAMCAQA=";
    private final SecureRandom random = new SecureRandom();

    @Test
    void aTokenEncryptedWithAnOldKeyStaysReadableAfterTheActiveKeyChanges() {
        UUID id = UUID.randomUUID();
        String token = TokenFormat.newToken(ApiTokenType.PROJECT, random);
        byte[] sealed = new TokenCipher(Map.of("a", KEY_A), "a", random).encrypt(id, token);

        TokenCipher rotated = new TokenCipher(Map.of("a", KEY_A, "b", KEY_B), "b", random);

        assertThat(rotated.decrypt(id, "a", sealed)).isEqualTo(token);
        assertThat(rotated.activeKeyId()).isEqualTo("b");
    }

    @Test
    void aCiphertextMovedToAnotherTokenRowDoesNotDecrypt() {
        TokenCipher cipher = new TokenCipher(Map.of("a", KEY_A), "a", random);
        byte[] sealed = cipher.encrypt(UUID.randomUUID(), "ppt_pr_secret");

        assertThatThrownBy(() -> cipher.decrypt(UUID.randomUUID(), "a", sealed))
                .isInstanceOf(IllegalStateException.class).hasMessageNotContaining("ppt_pr_secret");
    }

    @Test
    void misconfiguredKeysAreNamed() {
        assertThatThrownBy(() -> new TokenCipher(Map.of("a", KEY_A), "b", random))
                .hasMessageContaining("peptalk.tokens.active-key-id");
        assertThatThrownBy(() -> new TokenCipher(Map.of("a", "c2hvcnQ="), "a", random))
                .hasMessageContaining("peptalk.tokens.encryption-keys.a").hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new TokenCipher(Map.of("a", KEY_A), "a", random).decrypt(UUID.randomUUID(), "gone",
                new byte[40])).hasMessageContaining("'gone'");
    }

    @Test
    void tokensHaveAReadableTypePrefixAnd256RandomBits() {
        String token = TokenFormat.newToken(ApiTokenType.PROJECT_GROUP, random);

        assertThat(token).matches("ppt_pg_[A-Za-z0-9_-]{43}");
        assertThat(TokenFormat.typeOf(token)).hasValue(ApiTokenType.PROJECT_GROUP);
        assertThat(TokenFormat.displayPrefix(token)).hasSize(12).startsWith("ppt_pg_");
        assertThat(TokenFormat.newToken(ApiTokenType.PROJECT_GROUP, random)).isNotEqualTo(token);
        assertThat(TokenFormat.typeOf("ppt_pg_short")).isEmpty();
    }
}
