package com.peptalk.gateway;

import com.jayway.jsonpath.JsonPath;
import com.peptalk.gateway.routing.DownstreamService;
import com.peptalk.testsupport.RawHttp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7 through the gateway: request targets Spring would refuse with a bare 400 are repaired when a browser sent
 * them (raw braces of an unexpanded Procore placeholder) or answered with a problem document when they are malformed;
 * a request line over Reactor Netty's decoder ceiling is a 414 problem, not Netty's bare answer.
 */
class RequestTargetsTests extends GatewayTest {

    @Test
    void rawBracesInAnIframeLaunchAddressAreEncodedAndTheRequestIsRouted() {
        everyServiceWouldAnswer();

        RawHttp.Answer response = RawHttp.send(port, "GET /integrations/procore/iframe?api_token=t0k3n"
                + "&procore_project_id={{procore.project.id}}&x=|[]^`\"<>\\ HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("answered");
        assertThat(FakeServices.requestsTo(DownstreamService.PROCORE_IFRAME)).anySatisfy(
                request -> assertThat(request.getUrl()).contains(
                        "procore_project_id=%7B%7Bprocore.project.id%7D%7D"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/directory/companies?q=%", "/api/directory/companies?q=%G1",
            "/api/directory/%u002e%u002e/companies", "/api/directory\\companies", "/api/directory/%zz" })
    void malformedTargetsAreProblemDocumentsAndReachNoService(String target) {
        everyServiceWouldAnswer();

        RawHttp.Answer response = RawHttp.send(port, "GET " + target + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(JsonPath.<String>read(response.body(), "$.type"))
                .isEqualTo("https://peptalk.dev/problems/malformed-request");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.body()).doesNotContain("companies");
        assertNoServiceWasCalled();
    }

    @Test
    void aRequestLineOverTheDecoderCeilingIsA414Problem() {
        RawHttp.Answer response = RawHttp.send(port, "GET /api/directory/companies?pad=" + "a".repeat(70_000)
                + " HTTP/1.1\r\nHost: localhost\r\nConnection: close");

        assertThat(response.status()).isEqualTo(414);
        assertThat(JsonPath.<String>read(response.body(), "$.type")).isEqualTo("https://peptalk.dev/problems/uri-too-long");
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
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
