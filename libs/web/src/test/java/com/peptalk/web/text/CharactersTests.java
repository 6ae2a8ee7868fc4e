package com.peptalk.web.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CharactersTests {

    @Test
    void controlCharactersAreFoundAndLineBreaksOnlyWhereAllowed() {
        assertThat(Characters.hasControl("Acme\u001b[31m", true)).isTrue();
        assertThat(Characters.hasControl("Acme\u0007", true)).isTrue();
        assertThat(Characters.hasControl("Acme\u0000", true)).isTrue();
        assertThat(Characters.hasControl("Acme\u0085", true)).isTrue();
        assertThat(Characters.hasControl("line one\nline two\ttab", true)).isFalse();
        assertThat(Characters.hasControl("line one\nline two", false)).isTrue();
        assertThat(Characters.hasControl("Bâtiment Nord – Phase 2 😀", false)).isFalse();
    }

    @Test
    void textOfOnlyInvisibleCharactersIsBlank() {
        assertThat(Characters.isBlank("\u200b")).isTrue();
        assertThat(Characters.isBlank(" \u00a0\u2003\ufeff\u200d ")).isTrue();
        assertThat(Characters.isBlank("")).isTrue();
        assertThat(Characters.isBlank("\u200bA")).isFalse();
    }
}
