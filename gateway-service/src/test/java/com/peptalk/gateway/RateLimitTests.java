package com.peptalk.gateway;

import com.jayway.jsonpath.JsonPath;
import com.peptalk.gateway.routing.DownstreamService;
import com.peptalk.testsupport.Http;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static com.peptalk.gateway.AdminAuthenticationTests.everyServiceWouldAnswer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rate limits per client and route group, with the test profile's small buckets (kiosks: 3, then one every 2 s;
 * admin: 30 per subject). The tests' connections come from a trusted proxy (127.0.0.1), so
 * {@code X-Forwarded-For} names the client; the clock only moves when a test moves it.
 */
class RateLimitTests extends GatewayTest {

    private static final String KIOSK_HEARTBEATS = "/api/kiosks/heartbeats";

    @Test
    void answersTooManyRequestsWithRetryAfterOnceTheBucketIsEmptyAndRecoversAfterTheRefill() {
        everyServiceWouldAnswer();
        Map<String, String> kiosk = client("203.0.113.7");
        for (int request = 0; request < 3; request++) {
            assertThat(Http.get(url(KIOSK_HEARTBEATS), kiosk).statusCode()).as("request %d", request).isEqualTo(200);
        }

        var limited = Http.get(url(KIOSK_HEARTBEATS), kiosk);

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(limited.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JsonPath.<String>read(limited.body(), "$.type"))
                .isEqualTo("https://peptalk.dev/problems/too-many-requests");
        assertThat(JsonPath.<Integer>read(limited.body(), "$.status")).isEqualTo(429);
        assertThat(JsonPath.<String>read(limited.body(), "$.instance")).isEqualTo(KIOSK_HEARTBEATS);
        assertThat(FakeServices.requestsTo(DownstreamService.TRACKING)).hasSize(3);
        assertThat(Http.get(managementUrl("/actuator/prometheus")).body())
                .containsPattern("gateway_rate_limited_total\\{[^}]*group=\"kiosks\"");

        clock.advance(Duration.ofMillis(1_999));
        assertThat(Http.get(url(KIOSK_HEARTBEATS), kiosk).statusCode()).as("just before the refill").isEqualTo(429);
        clock.advance(Duration.ofMillis(1));
        assertThat(Http.get(url(KIOSK_HEARTBEATS), kiosk).statusCode()).as("after the refill").isEqualTo(200);
        assertThat(Http.get(url(KIOSK_HEARTBEATS), kiosk).statusCode()).as("the refill used").isEqualTo(429);
        assertThat(FakeServices.requestsTo(DownstreamService.TRACKING)).hasSize(4);
    }

    @Test
    void limitsEachClientAndEachRouteGroupOnItsOwn() {
        everyServiceWouldAnswer();
        Map<String, String> kiosk = client("203.0.113.8");
        exhaust(KIOSK_HEARTBEATS, kiosk);

        assertThat(Http.get(url(KIOSK_HEARTBEATS), kiosk).statusCode()).isEqualTo(429);
        assertThat(Http.get(url(KIOSK_HEARTBEATS), client("203.0.113.9")).statusCode()).isEqualTo(200);
        assertThat(Http.get(url("/webhooks/twilio/status"), kiosk).statusCode()).isEqualTo(200);
        assertThat(Http.get(url("/integrations/procore/iframe?api_token=t0k3n"), kiosk).statusCode()).isEqualTo(200);
    }

    @Test
    void believesOnlyTheHopsThatTrustedProxiesAdded() {
        everyServiceWouldAnswer();
        exhaust(KIOSK_HEARTBEATS, client("203.0.113.10"));

        // the client wrote the left entry itself: the trusted proxy (us, here) appended its real address
        var spoofed = Http.get(url(KIOSK_HEARTBEATS), client("198.51.100.1, 203.0.113.10"));
        // a chain through another trusted proxy: the client is the first untrusted address from the right
        var throughTwoProxies = Http.get(url(KIOSK_HEARTBEATS), client("198.51.100.2, 203.0.113.10, 127.0.0.1"));

        assertThat(spoofed.statusCode()).isEqualTo(429);
        assertThat(throughTwoProxies.statusCode()).isEqualTo(429);
    }

    @Test
    void limitsAdminsPerSubjectNotPerAddress() {
        everyServiceWouldAnswer();
        Map<String, String> second = Map.of("X-Api-Key", SECOND_ADMIN_KEY);
        for (int request = 0; request < 30; request++) {
            assertThat(Http.get(url("/api/tokens/1"), second).statusCode()).as("request %d", request).isEqualTo(200);
        }

        var limited = Http.get(url("/api/directory/companies"), second);
        var otherAdminSameAddress = Http.get(url("/api/tokens/1"), asAdmin());

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(otherAdminSameAddress.statusCode()).isEqualTo(200);
    }

    @Test
    void countsNothingAgainstAnAdminBeforeAuthentication() {
        everyServiceWouldAnswer();
        for (int request = 0; request < 40; request++) {
            assertThat(Http.get(url("/api/tokens/1")).statusCode()).isEqualTo(401);
        }

        assertThat(Http.get(url("/api/tokens/1"), asAdmin()).statusCode()).isEqualTo(200);
    }

    private void exhaust(String path, Map<String, String> headers) {
        HttpResponse<String> response;
        int requests = 0;
        do {
            response = Http.get(url(path), headers);
            requests++;
        }
        while (response.statusCode() != 429 && requests < 100);
        assertThat(response.statusCode()).as("limited after %d requests", requests).isEqualTo(429);
    }

    private static Map<String, String> client(String forwardedFor) {
        return Map.of("X-Forwarded-For", forwardedFor);
    }
}
