package com.peptalk.gateway.admin;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** How the admin filter reads requests: credentials, browsers, cookies, origins, where to go next. */
class AdminRequestsTests {

    @Test
    void readsTheBearerTokenOfAnAuthorizationHeader() {
        assertThat(AdminCredentials.bearerToken("Bearer abc")).isEqualTo("abc");
        assertThat(AdminCredentials.bearerToken("BEARER  abc ")).isEqualTo("abc");
        assertThat(AdminCredentials.bearerToken("Basic abc")).isNull();
        assertThat(AdminCredentials.bearerToken("Bearer")).isNull();
        assertThat(AdminCredentials.bearerToken("Bearer ")).isNull();
        assertThat(AdminCredentials.bearerToken("Bearerabc")).isNull();
    }

    @Test
    void takesABrowserForOneThatNamesHtml() {
        assertThat(AdminRefusals.acceptsHtml(accept("text/html,application/xhtml+xml,*/*;q=0.8"))).isTrue();
        assertThat(AdminRefusals.acceptsHtml(accept("*/*"))).isFalse();
        assertThat(AdminRefusals.acceptsHtml(accept("application/json"))).isFalse();
        assertThat(AdminRefusals.acceptsHtml(accept("text/html;q=0"))).isFalse();
        assertThat(AdminRefusals.acceptsHtml(accept("text/html;q=nonsense"))).isFalse();
        assertThat(AdminRefusals.acceptsHtml(MockServerHttpRequest.get("/admin").build())).isFalse();
    }

    @Test
    void comparesAnOriginWithTheHostTheRequestWasSentTo() {
        assertThat(SameOriginRequests.sameAuthority("https://peptalk.example.com", "peptalk.example.com")).isTrue();
        assertThat(SameOriginRequests.sameAuthority("https://peptalk.example.com", "peptalk.example.com:443")).isTrue();
        assertThat(SameOriginRequests.sameAuthority("http://localhost:8080", "localhost:8080")).isTrue();
        assertThat(SameOriginRequests.sameAuthority("https://PEPTALK.example.com", "peptalk.example.com")).isTrue();
        assertThat(SameOriginRequests.sameAuthority("http://localhost:8081", "localhost:8080")).isFalse();
        assertThat(SameOriginRequests.sameAuthority("https://evil.example", "peptalk.example.com")).isFalse();
        assertThat(SameOriginRequests.sameAuthority("https://peptalk.example.com.evil.example", "peptalk.example.com"))
                .isFalse();
        assertThat(SameOriginRequests.sameAuthority("null", "peptalk.example.com")).isFalse();
        assertThat(SameOriginRequests.sameAuthority("not an origin", "peptalk.example.com")).isFalse();
        assertThat(SameOriginRequests.sameAuthority("https://peptalk.example.com", null)).isFalse();
    }

    @Test
    void sendsTheBrowserOnAfterSignInOnlyToAnAdminPageOfThisGateway() {
        assertThat(AdminPages.safeNext("/admin/projects?page=2&sort=name")).isEqualTo("/admin/projects?page=2&sort=name");
        assertThat(AdminPages.safeNext("/heartbeats")).isEqualTo("/heartbeats");
        assertThat(AdminPages.safeNext("/heartbeats/kiosks/k-1")).isEqualTo("/heartbeats/kiosks/k-1");
        for (String elsewhere : new String[] { null, "", "https://evil.example/admin", "//evil.example", "/\\evil",
                "/administrator", "/api/tokens", "/admin/login?next=/admin", "/admin/logout", "/admin/\"><script>",
                "/admin/x y", "admin" }) {
            assertThat(AdminPages.safeNext(elsewhere)).as(elsewhere).isEqualTo("/admin");
        }
    }

    @Test
    void escapesWhatTheCallerSentInItsPages() {
        assertThat(AdminPages.login("/admin?q=<b>", "a <notice>", Optional.empty())).contains("a &lt;notice&gt;")
                .doesNotContain("<b>");
        assertThat(AdminPages.signedIn("<script>", "/admin", Optional.empty())).contains("&lt;script&gt;")
                .doesNotContain("<script>");
    }

    private static MockServerHttpRequest accept(String accept) {
        return MockServerHttpRequest.get("/admin").header(HttpHeaders.ACCEPT, accept).build();
    }
}
