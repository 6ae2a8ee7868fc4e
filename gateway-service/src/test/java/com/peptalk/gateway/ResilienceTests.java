package com.peptalk.gateway;

import com.jayway.jsonpath.JsonPath;
import com.peptalk.gateway.routing.DownstreamService;
import com.peptalk.testsupport.Http;
import com.peptalk.testsupport.RawHttp;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeout;

class ResilienceTests extends GatewayTest {

    @Test
    void answersAGatewayTimeoutProblemWhenAServiceIsTooSlow() {
        FakeServices.of(DownstreamService.AUTOMATION).stubFor(get("/api/automation/runs")
                .willReturn(aResponse().withStatus(200).withFixedDelay(5_000)));

        // the response timeout is 2 s here; the service would take 5 s
        HttpResponse<String> response = assertTimeout(Duration.ofMillis(4_500),
                () -> Http.get(url("/api/automation/runs"), asAdmin()));

        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JsonPath.<String>read(response.body(), "$.type"))
                .isEqualTo("https://peptalk.dev/problems/gateway-timeout");
        assertThat(JsonPath.<String>read(response.body(), "$.detail")).contains("automation-service");
        assertThat(JsonPath.<String>read(response.body(), "$.instance")).isEqualTo("/api/automation/runs");
    }

    @Test
    void retriesAReadWhoseConnectionFailedTwiceThenAnswersServiceUnavailable() {
        FakeServices.of(DownstreamService.DELIVERY).stubFor(any(urlEqualTo("/api/messages/m-1"))
                .willReturn(aResponse().withFault(CONNECTION_RESET_BY_PEER)));

        var response = Http.get(url("/api/messages/m-1"), asAdmin());

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(JsonPath.<String>read(response.body(), "$.type"))
                .isEqualTo("https://peptalk.dev/problems/service-unavailable");
        assertThat(JsonPath.<String>read(response.body(), "$.service")).isEqualTo("delivery-service");
        FakeServices.of(DownstreamService.DELIVERY).verify(3, getRequestedFor(urlEqualTo("/api/messages/m-1")));
    }

    @Test
    void neverRetriesAWrite() {
        FakeServices.of(DownstreamService.DELIVERY).stubFor(any(urlEqualTo("/api/suppressions"))
                .willReturn(aResponse().withFault(CONNECTION_RESET_BY_PEER)));

        var response = Http.post(url("/api/suppressions"), "application/json", "{\"address\":\"a@b.c\"}", asAdmin());

        assertThat(response.statusCode()).isEqualTo(503);
        FakeServices.of(DownstreamService.DELIVERY).verify(1, postRequestedFor(urlEqualTo("/api/suppressions")));
    }

    @Test
    void passesAServicesOwnErrorThroughUnchangedAndUnretried() {
        FakeServices.of(DownstreamService.TOKEN).stubFor(get("/api/tokens/9").willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"title\":\"token-service broke\"}")));

        var response = Http.get(url("/api/tokens/9"), asAdmin());

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).isEqualTo("{\"title\":\"token-service broke\"}");
        FakeServices.of(DownstreamService.TOKEN).verify(1, getRequestedFor(urlEqualTo("/api/tokens/9")));
    }

    @Test
    void opensTheCircuitOfAFailingServiceOnlyAndThenStopsCallingIt() {
        FakeServices.of(DownstreamService.HEARTBEAT).stubFor(any(anyUrl())
                .willReturn(aResponse().withFault(CONNECTION_RESET_BY_PEER)));
        CircuitBreaker heartbeat = circuitBreakers.circuitBreaker("heartbeat-service");
        assertThat(heartbeat.getCircuitBreakerConfig().getMinimumNumberOfCalls()).as("configured, not defaults")
                .isEqualTo(10);

        for (int call = 0; call < 10; call++) {
            assertThat(Http.get(url("/api/heartbeats/kiosks"), asAdmin()).statusCode()).isEqualTo(503);
        }
        int reachedWhileClosed = FakeServices.requestsTo(DownstreamService.HEARTBEAT).size();
        var whileOpen = Http.get(url("/api/heartbeats/kiosks"), asAdmin());

        assertThat(heartbeat.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(whileOpen.statusCode()).isEqualTo(503);
        assertThat(JsonPath.<String>read(whileOpen.body(), "$.service")).isEqualTo("heartbeat-service");
        assertThat(FakeServices.requestsTo(DownstreamService.HEARTBEAT)).hasSize(reachedWhileClosed);
        assertThat(circuitBreakers.circuitBreaker("token-service").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void refusesABodyOverTheLimitEveryTimeWithoutCountingItAgainstTheService() {
        byte[] fiveMegabytes = new byte[5 * 1024 * 1024];
        CircuitBreaker token = circuitBreakers.circuitBreaker("token-service");

        for (int attempt = 0; attempt < 17; attempt++) {
            // as curl sends a large body: the gateway can refuse before the body is sent
            HttpResponse<String> response = Http.send(HttpRequest.newBuilder(URI.create(url("/api/directory/companies")))
                    .header("Authorization", "Bearer " + ADMIN_KEY).header("Content-Type", "application/json")
                    .expectContinue(true).POST(HttpRequest.BodyPublishers.ofByteArray(fiveMegabytes)).build());

            assertThat(response.statusCode()).as("attempt %d", attempt).isEqualTo(413);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(JsonPath.<String>read(response.body(), "$.type"))
                    .isEqualTo("https://peptalk.dev/problems/payload-too-large");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        }

        assertThat(FakeServices.requestsTo(DownstreamService.TOKEN)).isEmpty();
        assertThat(token.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(token.getMetrics().getNumberOfBufferedCalls()).isZero();
    }

    @Test
    void refusesAChunkedBodyThatGrowsOverTheLimitWithoutCountingItAgainstTheService() {
        StringBuilder chunks = new StringBuilder();
        String chunk = "x".repeat(64 * 1024);
        for (int i = 0; i < 20; i++) { // 1.25 MB in all, over the 1 MB limit
            chunks.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
        }
        chunks.append("0\r\n\r\n");

        RawHttp.Answer response = RawHttp.send(port, "POST /api/directory/companies HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + ADMIN_KEY + "\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked", chunks.toString().getBytes(StandardCharsets.US_ASCII));

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(FakeServices.requestsTo(DownstreamService.TOKEN)).isEmpty();
        assertThat(circuitBreakers.circuitBreaker("token-service").getMetrics().getNumberOfBufferedCalls()).isZero();
    }
}
