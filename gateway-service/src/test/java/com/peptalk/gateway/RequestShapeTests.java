package com.peptalk.gateway;

import com.jayway.jsonpath.JsonPath;
import com.peptalk.gateway.routing.DownstreamService;
import com.peptalk.testsupport.Http;
import com.peptalk.testsupport.RawHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a request must look like to be routed (issue 8, rows 4 and 8): a served method and exactly one {@code Host} on
 * HTTP/1.1 (row 7, no WebSocket upgrade, is in {@link LoadTests}). Written by hand on a socket, since
 * the JDK's client sends none of these.
 */
class RequestShapeTests extends GatewayTest {

    private static final String IFRAME = "/integrations/procore/iframe?api_token=t0k3n";

    @Test
    void refusesInventedMethodsBeforeRoutingAndKeepsTheirNamesOutOfTheMetrics() {
        everyServiceWouldAnswer();

        for (int i = 1; i <= 22; i++) {
            RawHttp.Answer response = RawHttp.send(port,
                    "MFOO" + i + " " + IFRAME + " HTTP/1.1\r\nHost: localhost\r\nConnection: close");

            assertThat(response.status()).isEqualTo(501);
            assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
            assertThat(JsonPath.<String>read(response.body(), "$.type"))
                    .isEqualTo("https://peptalk.dev/problems/method-not-implemented");
            assertThat(response.header("X-Request-Id")).isNotBlank();
        }

        assertNoServiceWasCalled();
        String metrics = Http.get(managementUrl("/actuator/prometheus")).body();
        assertThat(metrics).doesNotContain("MFOO").contains("method=\"OTHER\"");
    }

    @ParameterizedTest
    @ValueSource(strings = { "TRACE", "CONNECT" })
    void refusesKnownMethodsItNeverServesWithTheMethodsItDoes(String method) {
        everyServiceWouldAnswer();

        RawHttp.Answer response = RawHttp.send(port,
                method + " " + IFRAME + " HTTP/1.1\r\nHost: localhost\r\nConnection: close");

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.header("Allow")).isEqualTo("GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
        assertNoServiceWasCalled();
    }

    @Test
    void refusesTwoHostHeaders() {
        everyServiceWouldAnswer();

        RawHttp.Answer response = RawHttp.send(port, "GET " + IFRAME
                + " HTTP/1.1\r\nHost: localhost\r\nHost: internal.example\r\nConnection: close");

        assertThat(response.status()).isEqualTo(400);
        assertThat(JsonPath.<String>read(response.body(), "$.type"))
                .isEqualTo("https://peptalk.dev/problems/malformed-request");
        assertNoServiceWasCalled();
    }

    @Test
    void refusesAnHttp11RequestWithoutHostButNotAnHttp10One() {
        everyServiceWouldAnswer();

        assertThat(RawHttp.send(port, "GET " + IFRAME + " HTTP/1.1\r\nConnection: close").status()).isEqualTo(400);
        assertNoServiceWasCalled();
        assertThat(RawHttp.send(port, "GET " + IFRAME + " HTTP/1.0").status()).isEqualTo(200);
    }

    private static void everyServiceWouldAnswer() {
        Arrays.stream(DownstreamService.values()).forEach(service -> FakeServices.of(service)
                .stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("answered"))));
    }

    private static void assertNoServiceWasCalled() {
        Arrays.stream(DownstreamService.values())
                .forEach(service -> assertThat(FakeServices.requestsTo(service)).as(service.serviceName()).isEmpty());
    }
}
