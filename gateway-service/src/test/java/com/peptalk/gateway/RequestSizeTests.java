package com.peptalk.gateway;

import com.jayway.jsonpath.JsonPath;
import com.peptalk.gateway.routing.DownstreamService;
import com.peptalk.testsupport.RawHttp;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request line over 4 KB is a 414, a header section over 8 KB a 431 (issue 7, row 4, at the gateway): as problem
 * documents with the gateway's headers, not Reactor Netty's bare answers, whose decoder now stops only at 64 KB.
 */
class RequestSizeTests extends GatewayTest {

    @Test
    void answersARequestLineOverTheLimitWithAUriTooLongProblem() {
        RawHttp.Answer response = RawHttp.send(port, "GET /integrations/procore/iframe?api_token="
                + "a".repeat(5_000) + " HTTP/1.1\r\nHost: localhost\r\nConnection: close");

        assertThat(response.status()).isEqualTo(414);
        assertProblemWithTheGatewaysHeaders(response, "https://peptalk.dev/problems/uri-too-long");
        assertThat(FakeServices.requestsTo(DownstreamService.PROCORE_IFRAME)).isEmpty();
    }

    @Test
    void answersHeadersOverTheLimitWithAHeaderFieldsTooLargeProblem() {
        RawHttp.Answer response = RawHttp.send(port, "GET /integrations/procore/iframe?api_token=t HTTP/1.1\r\n"
                + "Host: localhost\r\nX-Big: " + "b".repeat(5_000) + "\r\nX-Bigger: " + "c".repeat(4_000)
                + "\r\nConnection: close");

        assertThat(response.status()).isEqualTo(431);
        assertProblemWithTheGatewaysHeaders(response, "https://peptalk.dev/problems/headers-too-large");
        assertThat(FakeServices.requestsTo(DownstreamService.PROCORE_IFRAME)).isEmpty();
    }

    @Test
    void forwardsARequestJustUnderBothLimits() {
        FakeServices.of(DownstreamService.PROCORE_IFRAME).stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));

        RawHttp.Answer response = RawHttp.send(port, "GET /integrations/procore/iframe?api_token="
                + "a".repeat(3_900) + " HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "b".repeat(7_500)
                + "\r\nConnection: close");

        assertThat(response.status()).isEqualTo(200);
    }

    private static void assertProblemWithTheGatewaysHeaders(RawHttp.Answer response, String type) {
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(JsonPath.<String>read(response.body(), "$.type")).isEqualTo(type);
        assertThat(response.header("X-Request-Id")).isNotBlank();
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("Strict-Transport-Security")).isNotBlank();
    }
}
