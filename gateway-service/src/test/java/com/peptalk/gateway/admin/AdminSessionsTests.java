package com.peptalk.gateway.admin;

import com.peptalk.gateway.GatewayProperties;
import com.peptalk.gateway.forwarded.TrustedProxies;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseCookie;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.core.context.SecurityContext;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AdminSessionsTests {

    private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");
    private static final String KEY = "unit-test-session-signing-key-0123456789";

    @Test
    void signsASessionThatItThenReadsBack() {
        ResponseCookie cookie = sessions(KEY, NOW).start("api-key:a43cd6c3f486", false);

        assertThat(cookie.getName()).isEqualTo("peptalk_admin_session");
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.isSecure()).isFalse();
        assertThat(cookie.getSameSite()).isEqualTo("Strict");
        assertThat(cookie.getPath()).isEqualTo("/");
        assertThat(cookie.getMaxAge()).isEqualTo(Duration.ofHours(8));
        assertThat(sessions(KEY, NOW).subjectOf(cookie.getValue())).hasValue("api-key:a43cd6c3f486");
        assertThat(sessions(KEY, NOW).start("x", true).isSecure()).isTrue();
    }

    @Test
    void refusesASessionSignedWithAnotherKey() {
        String value = sessions(KEY, NOW).start("api-key:a43cd6c3f486", false).getValue();

        assertThat(sessions(KEY.replace('0', '1'), NOW).subjectOf(value)).isEmpty();
    }

    @Test
    void refusesAnExpiredSession() {
        String value = sessions(KEY, NOW).start("api-key:a43cd6c3f486", false).getValue();

        assertThat(sessions(KEY, NOW.plus(Duration.ofHours(8))).subjectOf(value)).isPresent();
        assertThat(sessions(KEY, NOW.plus(Duration.ofHours(8)).plusSeconds(1)).subjectOf(value)).isEmpty();
    }

    @Test
    void refusesAnyChangeAndAnythingMalformed() {
        String value = sessions(KEY, NOW).start("api-key:a43cd6c3f486", false).getValue();
        String[] parts = value.split("\\.");
        String otherSubject = base64("{\"iss\":\"peptalk-gateway-admin-session\",\"sub\":\"api-key:000000000000\","
                + "\"iat\":" + NOW.getEpochSecond() + ",\"exp\":" + NOW.plus(Duration.ofDays(30)).getEpochSecond() + "}");

        for (String changed : List.of(
                parts[0] + "." + otherSubject + "." + parts[2],
                base64("{\"alg\":\"none\"}") + "." + parts[1] + ".",
                base64("{\"alg\":\"HS512\"}") + "." + parts[1] + "." + parts[2],
                parts[0] + "." + parts[1] + "." + parts[2].substring(1),
                parts[0] + "." + parts[1], value + ".x", "", "..", "!!.@@.##", "x".repeat(2000))) {
            assertThat(sessions(KEY, NOW).subjectOf(changed)).as(changed).isEmpty();
        }
        assertThat(sessions(KEY, NOW).subjectOf(null)).isEmpty();
    }

    @Test
    void deletesTheCookieWithTheSameAttributes() {
        ResponseCookie cookie = sessions(KEY, NOW).end(true);

        assertThat(cookie.getValue()).isEmpty();
        assertThat(cookie.getMaxAge()).isZero();
        assertThat(cookie.isSecure()).isTrue();
        assertThat(cookie.toString()).contains("Path=/", "HttpOnly", "SameSite=Strict");
    }

    @Test
    void loadsTheAdminOfASessionOnlyWhileItsKeyIsConfigured() {
        AdminSessions sessions = sessions(KEY, NOW);
        String ofConfiguredKey = sessions.start("api-key:a43cd6c3f486", false).getValue();
        String ofRemovedKey = sessions.start("api-key:000000000000", false).getValue();

        SecurityContext loaded = sessions.load(withCookie(ofConfiguredKey)).block();

        assertThat(loaded.getAuthentication().getName()).isEqualTo("api-key:a43cd6c3f486");
        assertThat(loaded.getAuthentication().getAuthorities()).extracting(Object::toString).contains("peptalk.admin");
        assertThat(sessions.load(withCookie(ofRemovedKey)).blockOptional()).isEmpty();
    }

    private static MockServerWebExchange withCookie(String session) {
        return MockServerWebExchange.from(MockServerHttpRequest.get("/admin")
                .cookie(new org.springframework.http.HttpCookie("peptalk_admin_session", session)));
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static AdminSessions sessions(String key, Instant now) {
        AdminProperties properties = properties(key);
        return new AdminSessions(properties, new ApiKeys(properties), new TrustedProxies(new GatewayProperties(null,
                Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1), List.of("'self'"), List.of())),
                Clock.fixed(now, ZoneOffset.UTC));
    }

    static AdminProperties properties(String key) {
        return new AdminProperties(List.of("a43cd6c3f486e54b3105b1f74d7fd0b049758d3340aa6f178919a1898fe9a151"), key,
                Duration.ofHours(8), new AdminProperties.JwtSettings("", "", "scope", "peptalk.admin", "sub", Duration.ofSeconds(5)));
    }
}
