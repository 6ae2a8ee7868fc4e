package com.peptalk.gateway;

import com.jayway.jsonpath.JsonPath;
import com.peptalk.gateway.routing.DownstreamService;
import com.peptalk.testsupport.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static com.peptalk.gateway.AdminAuthenticationTests.assertNoServiceWasCalled;
import static com.peptalk.gateway.AdminAuthenticationTests.assertUnauthorized;
import static com.peptalk.gateway.AdminAuthenticationTests.everyServiceWouldAnswer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Admin pages in a browser: the sign-in page when there is no session, the gateway's login setting a signed
 * session cookie, that cookie opening admin pages (and only those), and forms from other sites refused.
 */
class AdminSessionTests extends GatewayTest {

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "/admin/projects", "/admin", "/heartbeats/dashboard" })
    void showsABrowserWithoutASessionTheSignInPage(String path) {
        everyServiceWouldAnswer();

        var response = Http.get(url(path + "?page=2"), browser());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"peptalk-admin\"");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(response.body()).contains("<h1>Sign in</h1>", "<form method=\"post\" action=\"/admin/login\">",
                "name=\"apiKey\" type=\"password\"",
                "name=\"next\" value=\"" + path + "?page=2\"");
        assertNoServiceWasCalled();
    }

    @Test
    void answersAnApiClientOnAnAdminPageWithAProblem() {
        everyServiceWouldAnswer();

        assertUnauthorized(Http.get(url("/admin/projects"), Map.of("Accept", "application/json")), false);
        assertUnauthorized(Http.get(url("/admin/projects"), Map.of("Accept", "*/*")), false);
    }

    @Test
    void servesItsSignInPage() {
        var response = Http.get(url("/admin/login?next=/heartbeats/dashboard"), browser());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(response.headers().allValues("Content-Security-Policy"))
                .contains("default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(response.body()).contains("name=\"next\" value=\"/heartbeats/dashboard\"").doesNotContain("<script");
    }

    @Test
    void signsInWithTheRightKeyAndTheCookieThenOpensAdminPages() {
        everyServiceWouldAnswer();

        var login = signIn(ADMIN_KEY, "/admin/projects?page=2");

        assertThat(login.statusCode()).isEqualTo(303);
        assertThat(login.headers().firstValue("Location")).hasValue("/admin/projects?page=2");
        String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        // attribute names are case-insensitive (Netty writes HTTPOnly)
        assertThat(setCookie.toLowerCase(Locale.ROOT)).startsWith("peptalk_admin_session=").contains("; path=/",
                "; max-age=3600", "; httponly", "; samesite=strict").doesNotContain("; secure");
        assertThat(setCookie).doesNotContain(ADMIN_KEY);
        assertThat(setCookie).doesNotContain("Domain=");

        String cookie = cookieOf(login);
        var page = Http.get(url("/admin/projects?page=2"), browser(Map.of("Cookie", cookie + "; theme=dark")));
        var dashboard = Http.get(url("/heartbeats/dashboard"), browser(Map.of("Cookie", cookie)));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(FakeServices.requestsTo(DownstreamService.TOKEN)).singleElement().satisfies(request -> {
            assertThat(IdentityRelayTests.relayedSubject(request)).isEqualTo(ADMIN_SUBJECT);
            assertThat(request.getHeader("Cookie")).isEqualTo("theme=dark");
        });
        assertThat(FakeServices.requestsTo(DownstreamService.HEARTBEAT)).singleElement().satisfies(request -> {
            assertThat(IdentityRelayTests.relayedSubject(request)).isEqualTo(ADMIN_SUBJECT);
            assertThat(request.getHeaders().keys()).doesNotContain("Cookie");
        });
    }

    @Test
    void marksTheCookieSecureWhenTheBrowserCameOverHttpsThroughATrustedProxy() {
        var login = Http.post(url("/admin/login"), FORM, form(ADMIN_KEY, "/admin"),
                Map.of("Origin", "https://peptalk.example.com", "X-Forwarded-Proto", "https",
                        "X-Forwarded-Host", "peptalk.example.com"));

        assertThat(login.statusCode()).isEqualTo(303);
        assertThat(login.headers().firstValue("Set-Cookie").orElseThrow().toLowerCase(Locale.ROOT)).contains("; secure");
    }

    @Test
    void acceptsTheCookieOnAdminPagesOnlyNotOnAdminApis() {
        everyServiceWouldAnswer();
        String cookie = cookieOf(signIn(ADMIN_KEY, "/admin"));

        var response = Http.get(url("/api/tokens/1"), Map.of("Cookie", cookie));

        assertUnauthorized(response, false);
        assertNoServiceWasCalled();
    }

    @Test
    void refusesAForgedCookie() {
        everyServiceWouldAnswer();
        String cookie = cookieOf(signIn(ADMIN_KEY, "/admin"));
        String value = cookie.substring(cookie.indexOf('=') + 1);
        String[] parts = value.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String otherSubject = base64url(claims.replace(ADMIN_SUBJECT, "api-key:000000000000"));
        String laterExpiry = base64url(claims.replaceFirst("\"exp\":(\\d+)", "\"exp\":9999999999"));

        for (String forged : new String[] { parts[0] + "." + otherSubject + "." + parts[2],
                parts[0] + "." + laterExpiry + "." + parts[2], base64url("{\"alg\":\"none\"}") + "." + parts[1] + ".",
                value + "x", "v1.x.y.z", "" }) {
            var response = Http.get(url("/admin/projects"), browser(Map.of("Cookie", "peptalk_admin_session=" + forged)));

            assertThat(response.statusCode()).as(forged).isEqualTo(401);
            assertThat(response.body()).contains("<h1>Sign in</h1>");
        }
        assertNoServiceWasCalled();
    }

    @Test
    void endsTheSessionAfterItsLifetime() {
        everyServiceWouldAnswer();
        String cookie = cookieOf(signIn(ADMIN_KEY, "/admin"));
        assertThat(Http.get(url("/admin"), browser(Map.of("Cookie", cookie))).statusCode()).isEqualTo(200);

        clock.advance(Duration.ofHours(1).plusSeconds(1));
        var expired = Http.get(url("/admin"), browser(Map.of("Cookie", cookie)));

        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(expired.body()).contains("Your session has ended");
        assertThat(expired.headers().firstValue("Set-Cookie")).hasValueSatisfying(
                delete -> assertThat(delete).startsWith("peptalk_admin_session=;").contains("Max-Age=0"));
        assertThat(FakeServices.requestsTo(DownstreamService.TOKEN)).hasSize(1);
    }

    @Test
    void refusesAFormSentWithTheCookieFromAnotherSite() {
        everyServiceWouldAnswer();
        String cookie = cookieOf(signIn(ADMIN_KEY, "/admin"));
        String path = "/admin/project_groups/batch_action";

        var crossSite = Http.post(url(path), FORM, "ids=1", browser(Map.of("Cookie", cookie,
                "Sec-Fetch-Site", "cross-site", "Origin", "https://evil.example")));
        var sameSite = Http.post(url(path), FORM, "ids=1", browser(Map.of("Cookie", cookie,
                "Sec-Fetch-Site", "same-site", "Origin", "https://sub.localhost")));
        var foreignOrigin = Http.post(url(path), FORM, "ids=1",
                browser(Map.of("Cookie", cookie, "Origin", "https://evil.example")));
        var nullOrigin = Http.post(url(path), FORM, "ids=1", browser(Map.of("Cookie", cookie, "Origin", "null")));
        var saysNothing = Http.post(url(path), FORM, "ids=1", browser(Map.of("Cookie", cookie)));
        var asApi = Http.post(url(path), FORM, "ids=1", Map.of("Cookie", cookie, "Sec-Fetch-Site", "cross-site"));

        for (HttpResponse<String> refused : List.of(crossSite, sameSite, foreignOrigin, nullOrigin, saysNothing)) {
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body()).contains("<h1>Request refused</h1>");
        }
        assertThat(asApi.statusCode()).isEqualTo(403);
        assertThat(JsonPath.<String>read(asApi.body(), "$.type"))
                .isEqualTo("https://peptalk.dev/problems/cross-site-request");
        assertNoServiceWasCalled();
    }

    @Test
    void forwardsAFormSentWithTheCookieFromTheAdminPagesThemselves() {
        everyServiceWouldAnswer();
        String cookie = cookieOf(signIn(ADMIN_KEY, "/admin"));
        String path = "/admin/project_groups/batch_action";

        var fetchMetadata = Http.post(url(path), FORM, "ids=1",
                browser(Map.of("Cookie", cookie, "Sec-Fetch-Site", "same-origin")));
        var originOnly = Http.post(url(path), FORM, "ids=2", browser(Map.of("Cookie", cookie, "Origin", origin())));

        assertThat(fetchMetadata.statusCode()).isEqualTo(200);
        assertThat(originOnly.statusCode()).isEqualTo(200);
        assertThat(FakeServices.requestsTo(DownstreamService.TOKEN)).extracting(request -> request.getBodyAsString())
                .containsExactly("ids=1", "ids=2");
    }

    @Test
    void refusesAWrongKeyOnTheSignInPageWithoutACookie() {
        var response = signIn(ADMIN_KEY + "x", "/admin/projects");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("peptalk_admin_session"));
        assertThat(response.body()).contains("That key is not valid.", "name=\"next\" value=\"/admin/projects\"")
                .doesNotContain(ADMIN_KEY);
    }

    @Test
    void refusesASignInFromAnotherSite() {
        var response = Http.post(url("/admin/login"), FORM, form(ADMIN_KEY, "/admin"),
                Map.of("Sec-Fetch-Site", "cross-site", "Origin", "https://evil.example"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void signsInAndOutWithSpringSecuritysCsrfTokenFromABrowserThatSaysNotWhereItCameFrom() {
        var page = Http.get(url("/admin/login?next=/admin/projects"), browser());
        String csrfCookie = setCookie(page, "peptalk_admin_csrf");
        String token = hiddenCsrfToken(page.body());

        // no Sec-Fetch-Site, no Origin: only the token of the gateway's own form tells this post from a forged one
        var withoutToken = Http.post(url("/admin/login"), FORM, form(ADMIN_KEY, "/admin/projects"),
                Map.of("Cookie", csrfCookie));
        var withToken = Http.post(url("/admin/login"), FORM, form(ADMIN_KEY, "/admin/projects") + "&_csrf="
                + URLEncoder.encode(token, StandardCharsets.UTF_8), Map.of("Cookie", csrfCookie));

        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(withoutToken.body()).contains("<h1>Request refused</h1>");
        assertThat(withoutToken.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("peptalk_admin_session"));
        assertThat(withToken.statusCode()).isEqualTo(303);
        assertThat(withToken.headers().firstValue("Location")).hasValue("/admin/projects");
        String session = cookieOf(withToken);

        var logoutPage = Http.get(url("/admin/logout"), browser(Map.of("Cookie", session + "; " + csrfCookie)));
        var logout = Http.post(url("/admin/logout"), FORM, "_csrf="
                + URLEncoder.encode(hiddenCsrfToken(logoutPage.body()), StandardCharsets.UTF_8),
                Map.of("Cookie", session + "; " + csrfCookie));

        assertThat(logout.statusCode()).isEqualTo(303);
        assertThat(setCookie(logout, "peptalk_admin_session")).isEqualTo("peptalk_admin_session=");
    }

    @ParameterizedTest(name = "next={0}")
    @ValueSource(strings = { "https://evil.example/admin", "//evil.example/admin", "/\\evil.example", "/api/tokens",
            "/admin/login", "javascript:alert(1)" })
    void sendsTheBrowserOnlyToAnAdminPageOfThisGatewayAfterSigningIn(String next) {
        var response = signIn(ADMIN_KEY, next);

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValue("/admin");
    }

    @Test
    void limitsSignInAttemptsPerClientAddress() {
        Map<String, String> client = Map.of("Origin", origin(), "X-Forwarded-For", "203.0.113.50");
        for (int attempt = 0; attempt < 3; attempt++) {
            assertThat(Http.post(url("/admin/login"), FORM, form("guess-" + attempt, "/admin"), client).statusCode())
                    .isEqualTo(401);
        }

        var limited = Http.post(url("/admin/login"), FORM, form(ADMIN_KEY, "/admin"), client);
        var otherClient = Http.post(url("/admin/login"), FORM, form(ADMIN_KEY, "/admin"),
                Map.of("Origin", origin(), "X-Forwarded-For", "203.0.113.51"));

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(limited.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(otherClient.statusCode()).isEqualTo(303);
    }

    @Test
    void showsWhoIsSignedInAndSignsOut() {
        String cookie = cookieOf(signIn(ADMIN_KEY, "/admin"));

        var signedIn = Http.get(url("/admin/login"), browser(Map.of("Cookie", cookie)));
        var logoutPage = Http.get(url("/admin/logout"), browser(Map.of("Cookie", cookie)));
        var logout = Http.post(url("/admin/logout"), FORM, "", Map.of("Cookie", cookie, "Sec-Fetch-Site", "same-origin"));
        var crossSiteLogout = Http.post(url("/admin/logout"), FORM, "", Map.of("Cookie", cookie,
                "Sec-Fetch-Site", "cross-site"));

        assertThat(signedIn.body()).contains("Signed in as <code>" + ADMIN_SUBJECT + "</code>",
                "action=\"/admin/logout\"");
        assertThat(logoutPage.body()).contains("<form method=\"post\" action=\"/admin/logout\">");
        assertThat(logout.statusCode()).isEqualTo(303);
        assertThat(logout.headers().firstValue("Location")).hasValue("/admin/login");
        assertThat(logout.headers().firstValue("Set-Cookie")).hasValueSatisfying(delete -> assertThat(
                delete.toLowerCase(Locale.ROOT)).startsWith("peptalk_admin_session=;")
                .contains("max-age=0", "httponly", "samesite=strict"));
        assertThat(crossSiteLogout.statusCode()).isEqualTo(403);
    }

    private HttpResponse<String> signIn(String key, String next) {
        return Http.post(url("/admin/login"), FORM, form(key, next), Map.of("Origin", origin()));
    }

    private String origin() {
        return "http://localhost:" + port;
    }

    private static String form(String key, String next) {
        return "apiKey=" + URLEncoder.encode(key, StandardCharsets.UTF_8) + "&next="
                + URLEncoder.encode(next, StandardCharsets.UTF_8);
    }

    /** {@code name=value} of the cookie {@code name} a response set. */
    private static String setCookie(HttpResponse<String> response, String name) {
        String setCookie = response.headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith(name + "=")).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " cookie: " + response.headers().map()));
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    /** The value of the form's hidden {@code _csrf} field (HTML-escaped characters are not in a token's alphabet). */
    private static String hiddenCsrfToken(String html) {
        java.util.regex.Matcher field = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(field.find()).as("a _csrf field in " + html).isTrue();
        return field.group(1);
    }

    private static String base64url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code name=value} of the session cookie a response set. */
    static String cookieOf(HttpResponse<String> response) {
        String setCookie = response.headers().firstValue("Set-Cookie").orElseThrow(
                () -> new AssertionError("no Set-Cookie: " + response.statusCode() + " " + response.body()));
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private static Map<String, String> browser() {
        return browser(Map.of());
    }

    private static Map<String, String> browser(Map<String, String> headers) {
        Map<String, String> browser = new HashMap<>(headers);
        browser.put("Accept", BROWSER_ACCEPT);
        return browser;
    }
}
