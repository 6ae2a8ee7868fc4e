package com.peptalk.gateway;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.peptalk.gateway.routing.DownstreamService;
import com.peptalk.testsupport.RawHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Headers the gateway owns can be neither set nor stripped by the caller (issue 8, rows 3 and 9): the admin's
 * relayed identity, the request id, and the client's address; and the gateway's own cookies never go further.
 */
class OwnedHeadersTests extends GatewayTest {

    @ParameterizedTest
    @ValueSource(strings = { "keep-alive, Authorization", "X-Request-Id, close", "Authorization, X-Request-Id, X-Real-IP" })
    void keepsTheHeadersItSetWhenTheCallerListsThemAsHopByHop(String connection) {
        FakeServices.of(DownstreamService.TOKEN).stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));

        RawHttp.Answer response = RawHttp.send(port, "GET /api/tokens/1 HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + ADMIN_KEY + "\r\nX-Request-Id: req-0123456789\r\n"
                + "X-Forwarded-For: 203.0.113.7\r\nConnection: " + connection);

        assertThat(response.status()).isEqualTo(200);
        LoggedRequest received = FakeServices.requestsTo(DownstreamService.TOKEN).getFirst();
        assertThat(IdentityRelayTests.relayedSubject(received)).isEqualTo(ADMIN_SUBJECT);
        assertThat(received.getHeader("X-Request-Id")).isEqualTo("req-0123456789");
        assertThat(received.getHeader("X-Real-IP")).isEqualTo("203.0.113.7");
    }

    @Test
    void neverPassesTheGatewaysOwnCookiesToAService() {
        FakeServices.of(DownstreamService.PROCORE_IFRAME).stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));

        RawHttp.send(port, "GET /integrations/procore/iframe?api_token=t HTTP/1.1\r\nHost: localhost\r\n"
                + "Cookie: peptalk_admin_session=s; lang=en; peptalk_admin_csrf=c\r\nConnection: close");

        assertThat(FakeServices.requestsTo(DownstreamService.PROCORE_IFRAME).getFirst().getHeader("Cookie"))
                .isEqualTo("lang=en");
    }

    @Test
    void replacesOrRemovesTheClientAddressesACallerClaims() {
        FakeServices.of(DownstreamService.TRACKING).stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));

        RawHttp.send(port, "GET /t/c/abc HTTP/1.1\r\nHost: localhost\r\nX-Real-IP: 10.0.0.1\r\n"
                + "True-Client-IP: 10.0.0.2\r\nX-Client-IP: 10.0.0.3\r\nCF-Connecting-IP: 10.0.0.4\r\n"
                + "X-Forwarded-For: 198.51.100.23\r\nConnection: close");

        LoggedRequest received = FakeServices.requestsTo(DownstreamService.TRACKING).getFirst();
        // the test's connection comes from a trusted proxy (the test profile), so its X-Forwarded-For names the client
        assertThat(received.getHeader("X-Real-IP")).isEqualTo("198.51.100.23");
        assertThat(received.getHeaders().keys()).doesNotContain("True-Client-IP", "X-Client-IP", "CF-Connecting-IP",
                "X-Forwarded-For");
    }
}
