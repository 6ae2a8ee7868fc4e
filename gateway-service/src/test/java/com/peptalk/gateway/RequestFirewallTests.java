package com.peptalk.gateway;

import com.peptalk.testsupport.RawHttp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.peptalk.gateway.AdminAuthenticationTests.everyServiceWouldAnswer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests Spring Security's strict request firewall would refuse (with a bare 400, or halfway through routing with
 * a 504) but the gateway's own edge lets through: with Spring Security in front of the admin routes they are still
 * answered, or refused with a problem document, never a bare answer or a 5xx, on public and admin routes alike.
 */
class RequestFirewallTests extends GatewayTest {

    @ParameterizedTest
    @ValueSource(strings = { "/integrations/procore//iframe?api_token=t", "/integrations/procore/a%25b?api_token=t",
            "/api/tokens//1", "/api/tokens/a%25b", "/admin//projects" })
    void answersPathsItRefusesWithAProblem(String target) {
        everyServiceWouldAnswer();

        RawHttp.Answer response = RawHttp.send(port, "GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                + "Bearer " + ADMIN_KEY + "\r\nConnection: close");

        assertAnsweredOrRefusedWithAProblem(response);
    }

    @ParameterizedTest
    @ValueSource(strings = { "/integrations/procore/iframe?api_token=t", "/api/tokens/1", "/admin/projects" })
    void answersHeaderValuesItRefusesWithAProblem(String target) {
        everyServiceWouldAnswer();

        // C1 control characters (U+0080 to U+009F, one byte each in ISO-8859-1): Netty takes them, the firewall not
        RawHttp.Answer response = RawHttp.send(port, "GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                + "Bearer " + ADMIN_KEY + "\r\nX-Note: caf\u0085\u009b\r\nConnection: close");

        assertAnsweredOrRefusedWithAProblem(response);
    }

    private static void assertAnsweredOrRefusedWithAProblem(RawHttp.Answer response) {
        assertThat(response.status()).isLessThan(500);
        if (response.status() >= 400) {
            assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
            assertThat(response.body()).doesNotContain(ADMIN_KEY);
        }
    }
}
