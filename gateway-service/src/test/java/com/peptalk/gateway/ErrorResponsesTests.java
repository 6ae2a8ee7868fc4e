package com.peptalk.gateway;

import com.jayway.jsonpath.JsonPath;
import com.peptalk.gateway.routing.DownstreamService;
import com.peptalk.testsupport.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Arrays;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

class ErrorResponsesTests extends GatewayTest {

    private static final String NOT_FOUND = "https://peptalk.dev/problems/not-found";

    @Test
    void answersAnUnknownPathWithANotFoundProblem() {
        var response = Http.get(url("/no/such/page"), Map.of("X-Request-Id", "req-0123456789"));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JsonPath.<String>read(response.body(), "$.type")).isEqualTo(NOT_FOUND);
        assertThat(JsonPath.<String>read(response.body(), "$.title")).isEqualTo("Not found");
        assertThat(JsonPath.<Integer>read(response.body(), "$.status")).isEqualTo(404);
        assertThat(JsonPath.<String>read(response.body(), "$.instance")).isEqualTo("/no/such/page");
        assertThat(JsonPath.<String>read(response.body(), "$.requestId")).isEqualTo("req-0123456789");
    }

    @ParameterizedTest
    @ValueSource(strings = { "/internal/x", "/internal/tokens/introspect", "/internal" })
    void neverRoutesInternalPaths(String path) {
        everyServiceWouldAnswer();

        var response = Http.get(url(path));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(JsonPath.<String>read(response.body(), "$.type")).isEqualTo(NOT_FOUND);
        assertNoServiceWasCalled();
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/tokens/../../internal/x", "/api/tokens/%2e%2e/internal/x",
            "/api/tokens/..;/internal/x", "/api/tokens/%2F..%2Finternal", "/api/tokens/.%2e/internal/x" })
    void refusesPathsAServiceCouldNormaliseIntoAnotherOne(String path) {
        everyServiceWouldAnswer();

        var response = Http.get(url(path));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JsonPath.<String>read(response.body(), "$.type"))
                .isEqualTo("https://peptalk.dev/problems/malformed-request");
        assertNoServiceWasCalled();
    }

    @Test
    void doesNotServeTheCircuitBreakerFallbackToCallers() {
        var response = Http.get(url("/fallback/token-service"));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(JsonPath.<String>read(response.body(), "$.type")).isEqualTo(NOT_FOUND);
    }

    @Test
    void answersItsOwnClientErrorsWithProblemsAndNoStackTrace() {
        var response = Http.send(HttpRequest.newBuilder(URI.create(url("/integrations/procore/iframe")))
                .method("TRACE", HttpRequest.BodyPublishers.noBody()).build());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JsonPath.<Integer>read(response.body(), "$.status")).isEqualTo(405);
        assertThat(response.body()).doesNotContain("trace", "exception", "at org.");
    }

    private static void everyServiceWouldAnswer() {
        Arrays.stream(DownstreamService.values()).forEach(service -> FakeServices.of(service)
                .stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("reached"))));
    }

    private static void assertNoServiceWasCalled() {
        Arrays.stream(DownstreamService.values()).forEach(service -> assertThat(FakeServices.requestsTo(service))
                .as(service.serviceName()).isEmpty());
    }
}
