package com.peptalk.gateway;

import com.peptalk.testsupport.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static com.peptalk.gateway.AdminAuthenticationTests.everyServiceWouldAnswer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * No credential reaches the log, right or wrong: API keys, bearer tokens, session cookies, the signing key. The
 * test profile logs the admin and rate limit filters at DEBUG, so their every line is in the captured output.
 */
@ExtendWith(OutputCaptureExtension.class)
class CredentialLoggingTests extends GatewayTest {

    @Test
    void logsRequestIdsAndSubjectsButNeverCredentials(CapturedOutput output) {
        everyServiceWouldAnswer();
        String wrongKey = "wrong-admin-key-5e0d1c2b3a4f";
        String token = FakeIdentityProvider.token(FakeIdentityProvider.adminClaims(clock.instant()).build());
        String forged = FakeIdentityProvider.forgedToken(FakeIdentityProvider.adminClaims(clock.instant()).build());

        Http.get(url("/api/tokens/1"), Map.of("Authorization", "Bearer " + ADMIN_KEY, "X-Request-Id", "req-log-right-key"));
        Http.get(url("/api/tokens/1"), Map.of("Authorization", "Bearer " + wrongKey, "X-Request-Id", "req-log-wrong-key"));
        Http.get(url("/api/tokens/1"), Map.of("X-Api-Key", wrongKey));
        Http.get(url("/api/tokens/1"), Map.of("Authorization", "Bearer " + token));
        Http.get(url("/api/tokens/1"), Map.of("Authorization", "Bearer " + forged));
        var login = Http.post(url("/admin/login"), "application/x-www-form-urlencoded",
                "apiKey=" + URLEncoder.encode(ADMIN_KEY, StandardCharsets.UTF_8) + "&next=%2Fadmin",
                Map.of("Sec-Fetch-Site", "same-origin"));
        Http.post(url("/admin/login"), "application/x-www-form-urlencoded", "apiKey=" + wrongKey,
                Map.of("Sec-Fetch-Site", "same-origin"));
        String cookie = AdminSessionTests.cookieOf(login);
        Http.get(url("/admin/projects"), Map.of("Cookie", cookie));
        Http.get(url("/admin/projects"), Map.of("Cookie", cookie + "x"));
        for (int request = 0; request < 4; request++) {
            Http.get(url("/api/kiosks/heartbeats"), Map.of("Authorization", "Bearer kiosk-secret-7a8b9c"));
        }

        String logged = output.getAll();
        // the filters did log these requests, so the capture works
        assertThat(logged).contains("req-log-right-key", "req-log-wrong-key", ADMIN_SUBJECT, "ada@peptalk.test",
                "rate limit kiosks reached");
        assertThat(logged).doesNotContain(ADMIN_KEY, wrongKey, token, forged, cookie.substring(cookie.indexOf('=') + 1),
                "kiosk-secret-7a8b9c", "test-only-session-signing-key");
        // nor the parts of a token, which a message could quote on their own
        assertThat(logged).doesNotContain(token.substring(token.lastIndexOf('.') + 1),
                forged.substring(forged.lastIndexOf('.') + 1));
    }
}
