package com.peptalk.web.logging;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecretMaskTests {

    private static final String TOKEN = "ppt_pg_Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb7dEf0hIj3";

    @Test
    void masksOurTokensKeepingTheirKind() {
        assertThat(SecretMask.mask("introspecting " + TOKEN + " now")).isEqualTo("introspecting ppt_pg_**** now");
        assertThat(SecretMask.mask("ppt%5Fpr%5F" + TOKEN.substring(7))).doesNotContain(TOKEN.substring(7));
    }

    @Test
    void masksQueryStringsOfLoggedAddresses() {
        String line = "GET \"/integrations/procore/iframe?api_token=" + TOKEN + "&x=s3cret%FF\", parameters={}";

        assertThat(SecretMask.mask(line)).isEqualTo("GET \"/integrations/procore/iframe?****\", parameters={}");
    }

    @Test
    void masksCredentialsJwtsAndNamedSecrets() {
        String jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZG1pbiJ9.c2lnbmF0dXJlX29mX3RoZV90b2tlbg";

        assertThat(SecretMask.mask("Authorization: Bearer abcdefghijkl")).doesNotContain("abcdefghijkl");
        assertThat(SecretMask.mask("token " + jwt)).doesNotContain(jwt);
        assertThat(SecretMask.mask("key AKIAIOSFODNN7EXAMPLE used")).doesNotContain("AKIAIOSFODNN7EXAMPLE");
        assertThat(SecretMask.mask("{\"password\":\"hunter22\"}")).doesNotContain("hunter22");
        assertThat(SecretMask.mask("auth_token=0123456789abcdef")).doesNotContain("0123456789abcdef");
    }

    @Test
    void leavesOrdinaryTextAlone() {
        String text = "Started TokenServiceApplication in 4.2 seconds (process running for 5.0)? yes";

        assertThat(SecretMask.mask(text)).isEqualTo(text);
        assertThat(SecretMask.mask(null)).isNull();
    }
}
