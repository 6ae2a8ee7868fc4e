package com.peptalk.gateway.admin;

import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseCookie;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
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

        assertThat(sessions(KEY, NOW.plus(Duration.ofHours(8)).minusSeconds(1)).subjectOf(value)).isPresent();
        assertThat(sessions(KEY, NOW.plus(Duration.ofHours(8))).subjectOf(value)).isEmpty();
    }

    @Test
    void refusesAnyChangeAndAnythingMalformed() {
        String value = sessions(KEY, NOW).start("api-key:a43cd6c3f486", false).getValue();
        String[] parts = value.split("\\.");

        for (String changed : List.of(
                "v2." + parts[1] + "." + parts[2] + "." + parts[3],
                parts[0] + "." + parts[1] + "A." + parts[2] + "." + parts[3],
                parts[0] + "." + parts[1] + "." + (Long.parseLong(parts[2]) + 1) + "." + parts[3],
                parts[0] + "." + parts[1] + "." + parts[2] + "." + parts[3].substring(1),
                parts[0] + "." + parts[1] + "." + parts[2], value + ".x", "", "....", "v1.!!.1.@@",
                "v1." + parts[1] + ".soon." + parts[3], "x".repeat(2000))) {
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

    private static AdminSessions sessions(String key, Instant now) {
        return new AdminSessions(properties(key), Clock.fixed(now, ZoneOffset.UTC));
    }

    static AdminProperties properties(String key) {
        return new AdminProperties(List.of("a43cd6c3f486e54b3105b1f74d7fd0b049758d3340aa6f178919a1898fe9a151"), key,
                Duration.ofHours(8), new AdminProperties.JwtSettings("", "", "scope", "peptalk.admin", "sub", Duration.ofSeconds(5)));
    }
}
