package com.peptalk.gateway;

import com.peptalk.gateway.routing.DownstreamService;
import com.peptalk.testsupport.Http;
import org.junit.jupiter.api.Test;

import java.net.http.HttpHeaders;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

class SecurityHeadersTests extends GatewayTest {

    @Test
    void letsTheConfiguredOriginsFrameTheProcoreIframeWhateverTheServiceSaid() {
        FakeServices.of(DownstreamService.PROCORE_IFRAME).stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html")
                .withHeader("X-Frame-Options", "SAMEORIGIN")
                .withHeader("Content-Security-Policy", "default-src 'self'; frame-ancestors 'self'")
                .withHeader("Referrer-Policy", "unsafe-url")
                .withBody("<html>dashboard</html>")));

        HttpHeaders headers = Http.get(url("/integrations/procore/iframe?api_token=t0k3n")).headers();

        assertThat(headers.firstValue("X-Frame-Options")).isEmpty();
        assertThat(headers.allValues("Content-Security-Policy"))
                .containsExactlyInAnyOrder("default-src 'self'", FRAME_ANCESTORS);
        assertThat(headers.firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(headers.firstValue("Strict-Transport-Security")).hasValueSatisfying(
                hsts -> assertThat(hsts).startsWith("max-age="));
    }

    @Test
    void deniesFramingEverywhereElseWhateverTheServiceSaid() {
        FakeServices.of(DownstreamService.TOKEN).stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                .withHeader("X-Frame-Options", "SAMEORIGIN")
                .withHeader("Content-Security-Policy", "frame-ancestors *")
                .withHeader("Referrer-Policy", "unsafe-url")));

        HttpHeaders headers = Http.get(url("/admin/projects"), asAdmin()).headers();

        assertThat(headers.allValues("X-Frame-Options")).containsExactly("DENY");
        assertThat(headers.allValues("Content-Security-Policy")).containsExactly("frame-ancestors 'none'");
        assertThat(headers.firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
        assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(headers.firstValue("Strict-Transport-Security")).isPresent();
    }

    @Test
    void putsThemOnTheGatewaysOwnAnswersToo() {
        HttpHeaders notFound = Http.get(url("/no/such/page")).headers();
        HttpHeaders refused = Http.get(url("/api/tokens/../x")).headers();

        for (HttpHeaders headers : new HttpHeaders[] { notFound, refused }) {
            assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(headers.firstValue("Content-Security-Policy")).hasValue("frame-ancestors 'none'");
            assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(headers.firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
            assertThat(headers.firstValue("X-Request-Id")).isPresent();
        }
    }
}
