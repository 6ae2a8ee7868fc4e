package com.peptalk.gateway.admin;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How the admin filter reads requests: credentials, browsers, cookies, origins, where to go next. */
class AdminRequestsTests {

    @Test
    void readsTheBearerTokenOfAnAuthorizationHeader() {
        assertThat(AdminAuthenticator.bearerToken("Bearer abc")).isEqualTo("abc");
        assertThat(AdminAuthenticator.bearerToken("BEARER  abc ")).isEqualTo("abc");
        assertThat(AdminAuthenticator.bearerToken("Basic abc")).isNull();
        assertThat(AdminAuthenticator.bearerToken("Bearer")).isNull();
        assertThat(AdminAuthenticator.bearerToken("Bearer ")).isNull();
        assertThat(AdminAuthenticator.bearerToken("Bearerabc")).isNull();
    }

    @Test
    void readsAuthoritiesFromAScopeStringOrAList() {
        assertThat(IssuerTokens.authorities("openid  peptalk.admin")).containsExactly("openid", "peptalk.admin");
        assertThat(IssuerTokens.authorities(List.of("peptalk.admin", "viewer"))).contains("peptalk.admin");
        assertThat(IssuerTokens.authorities(null)).isEmpty();
        assertThat(IssuerTokens.authorities(42)).isEmpty();
    }

    @Test
    void takesABrowserForOneThatNamesHtml() {
        assertThat(AdminAuthenticationFilter.acceptsHtml(accept("text/html,application/xhtml+xml,*/*;q=0.8"))).isTrue();
        assertThat(AdminAuthenticationFilter.acceptsHtml(accept("*/*"))).isFalse();
        assertThat(AdminAuthenticationFilter.acceptsHtml(accept("application/json"))).isFalse();
        assertThat(AdminAuthenticationFilter.acceptsHtml(accept("text/html;q=0"))).isFalse();
        assertThat(AdminAuthenticationFilter.acceptsHtml(accept("text/html;q=nonsense"))).isFalse();
        assertThat(AdminAuthenticationFilter.acceptsHtml(MockServerHttpRequest.get("/admin").build())).isFalse();
    }

    @Test
    void takesOnlyTheSessionCookieOutOfTheCookieHeader() {
        HttpHeaders headers = new HttpHeaders();
        headers.put(HttpHeaders.COOKIE, List.of("a=1; peptalk_admin_session=secret; b=2", "peptalk_admin_session=x"));

        AdminAuthenticationFilter.withoutSessionCookie(headers);

        assertThat(headers.get(HttpHeaders.COOKIE)).containsExactly("a=1; b=2");

        HttpHeaders onlySession = new HttpHeaders();
        onlySession.add(HttpHeaders.COOKIE, "peptalk_admin_session=secret");
        AdminAuthenticationFilter.withoutSessionCookie(onlySession);
        assertThat(onlySession.containsHeader(HttpHeaders.COOKIE)).isFalse();
    }

    @Test
    void comparesAnOriginWithTheHostTheRequestWasSentTo() {
        assertThat(CrossSiteRequests.sameAuthority("https://peptalk.example.com", "peptalk.example.com")).isTrue();
        assertThat(CrossSiteRequests.sameAuthority("https://peptalk.example.com", "peptalk.example.com:443")).isTrue();
        assertThat(CrossSiteRequests.sameAuthority("http://localhost:8080", "localhost:8080")).isTrue();
        assertThat(CrossSiteRequests.sameAuthority("https://PEPTALK.example.com", "peptalk.example.com")).isTrue();
        assertThat(CrossSiteRequests.sameAuthority("http://localhost:8081", "localhost:8080")).isFalse();
        assertThat(CrossSiteRequests.sameAuthority("https://evil.example", "peptalk.example.com")).isFalse();
        assertThat(CrossSiteRequests.sameAuthority("https://peptalk.example.com.evil.example", "peptalk.example.com"))
                .isFalse();
        assertThat(CrossSiteRequests.sameAuthority("null", "peptalk.example.com")).isFalse();
        assertThat(CrossSiteRequests.sameAuthority("not an origin", "peptalk.example.com")).isFalse();
        assertThat(CrossSiteRequests.sameAuthority("https://peptalk.example.com", null)).isFalse();
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
        assertThat(AdminPages.login("/admin?q=<b>", "a <notice>")).contains("a &lt;notice&gt;").doesNotContain("<b>");
        assertThat(AdminPages.signedIn("<script>", "/admin")).contains("&lt;script&gt;").doesNotContain("<script>");
    }

    private static MockServerHttpRequest accept(String accept) {
        return MockServerHttpRequest.get("/admin").header(HttpHeaders.ACCEPT, accept).build();
    }
}
