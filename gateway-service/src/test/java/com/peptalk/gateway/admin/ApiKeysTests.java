package com.peptalk.gateway.admin;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeysTests {

    private static final String KEY = "test-admin-key-4f9c2a7e1b3d5f6a8c0e2b4d6f8a1c3e";
    private static final String OTHER_KEY = "another-admin-key-0000";

    private final ApiKeys keys = new ApiKeys(new AdminProperties(
            List.of(HexFormat.of().formatHex(ApiKeys.sha256(OTHER_KEY)),
                    "A43CD6C3F486E54B3105B1F74D7FD0B049758D3340AA6F178919A1898FE9A151"),
            "unit-test-session-signing-key-0123456789", Duration.ofHours(1),
            new AdminProperties.JwtSettings("", "", "scope", "peptalk.admin", "sub", Duration.ofSeconds(5))));

    @Test
    void knowsAKeyByItsHashWhateverTheHexCase() {
        assertThat(keys.subjectOf(KEY)).hasValue("api-key:a43cd6c3f486");
        assertThat(keys.subjectOf(OTHER_KEY)).hasValueSatisfying(subject -> assertThat(subject)
                .startsWith("api-key:").hasSize(20).isNotEqualTo("api-key:a43cd6c3f486"));
    }

    @Test
    void knowsNothingElse() {
        assertThat(keys.subjectOf(KEY + " ")).isEmpty();
        assertThat(keys.subjectOf(KEY.toUpperCase())).isEmpty();
        assertThat(keys.subjectOf("")).isEmpty();
        assertThat(keys.subjectOf(null)).isEmpty();
        assertThat(keys.subjectOf("a43cd6c3f486e54b3105b1f74d7fd0b049758d3340aa6f178919a1898fe9a151")).isEmpty();
        assertThat(keys.subjectOf("x".repeat(10_000))).isEmpty();
    }

    @Test
    void saysWhetherTheKeyOfASubjectIsStillConfigured() {
        assertThat(keys.isConfigured("api-key:a43cd6c3f486")).isTrue();
        assertThat(keys.isConfigured("api-key:000000000000")).isFalse();
    }
}
