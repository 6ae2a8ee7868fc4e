package com.peptalk.gateway.identity;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GatewayCredentialsTests {

    @Test
    void takesOnlyTheGatewaysCookiesOutOfTheCookieHeader() {
        HttpHeaders headers = new HttpHeaders();
        headers.put(HttpHeaders.COOKIE, List.of("a=1; peptalk_admin_session=secret; b=2; peptalk_admin_csrf=t",
                "peptalk_admin_session=x", "peptalk_admin_session_theme=dark"));

        GatewayCredentials.removeCookies(headers);

        assertThat(headers.get(HttpHeaders.COOKIE)).containsExactly("a=1; b=2", "peptalk_admin_session_theme=dark");

        HttpHeaders onlySession = new HttpHeaders();
        onlySession.add(HttpHeaders.COOKIE, "peptalk_admin_session=secret");
        GatewayCredentials.removeCookies(onlySession);
        assertThat(onlySession.containsHeader(HttpHeaders.COOKIE)).isFalse();
    }
}
