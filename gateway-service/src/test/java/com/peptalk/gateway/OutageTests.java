package com.peptalk.gateway;

import com.jayway.jsonpath.JsonPath;
import com.peptalk.gateway.routing.DownstreamService;
import com.peptalk.testsupport.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeout;

/**
 * The gateway with one service stopped: the Procore iframe service's address is a port nobody listens on, and so
 * is the identity provider's. A context of its own, since every other test needs all six services.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OutageTests {

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    private static final String STOPPED_ISSUER = "http://127.0.0.1:" + FakeServices.closedPort() + "/realms/peptalk";

    @DynamicPropertySource
    static void oneServiceStopped(DynamicPropertyRegistry registry) {
        FakeServices.register(registry);
        FakeServices.registerStopped(registry, DownstreamService.PROCORE_IFRAME);
        registry.add("peptalk.gateway.admin.jwt.issuer-uri", () -> STOPPED_ISSUER);
    }

    @BeforeEach
    void otherServicesHealthy() {
        FakeServices.reset();
    }

    @Test
    void answersAReadableOutagePageQuicklyWhenTheIframeServiceIsStopped() {
        HttpResponse<String> response = assertTimeout(Duration.ofSeconds(3),
                () -> Http.get(url("/integrations/procore/iframe?api_token=t0k3n"),
                        Map.of("X-Request-Id", "req-0123456789")));

        // shown inside Procore's frame: a page, not JSON (issue 9)
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
        assertThat(response.headers().firstValue("Retry-After")).hasValue("30");
        String body = response.body();
        assertThat(body).contains("<h1>Temporarily unavailable</h1>");
        assertThat(body).doesNotContain("t0k3n", "Exception", "127.0.0.1", "at org.", "<a ");
        assertThat(response.headers().firstValue("X-Request-Id")).hasValue("req-0123456789");
    }

    @Test
    void keepsTheIframesFramingPolicyOnItsOutagePage() {
        var response = Http.get(url("/integrations/procore/iframe?api_token=t0k3n"));

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("X-Frame-Options")).isEmpty();
        assertThat(response.headers().firstValue("Content-Security-Policy"))
                .hasValue("frame-ancestors https://*.procore.com");
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    }

    @Test
    void reportsTheStoppedServiceDownAndStaysReady() {
        var downstream = Http.get(managementUrl("/actuator/health/downstream"));

        assertThat(downstream.statusCode()).isEqualTo(503);
        assertThat(JsonPath.<String>read(downstream.body(), "$.status")).isEqualTo("DOWN");
        assertThat(JsonPath.<String>read(downstream.body(), "$.components['procore-iframe-service'].status"))
                .isEqualTo("DOWN");
        for (DownstreamService service : DownstreamService.values()) {
            if (service != DownstreamService.PROCORE_IFRAME) {
                assertThat(JsonPath.<String>read(downstream.body(),
                        "$.components['" + service.serviceName() + "'].status")).as(service.serviceName())
                        .isEqualTo("UP");
            }
        }
        assertThat(Http.get(managementUrl("/actuator/health/readiness")).statusCode()).isEqualTo(200);
    }

    @Test
    void answersServiceUnavailableForAnIssuerTokenWhileTheIssuerIsOutOfReachAndStillTakesApiKeys() {
        FakeServices.of(DownstreamService.TOKEN).stubFor(get("/api/tokens/1").willReturn(ok("reached")));
        String token = FakeIdentityProvider.token(FakeIdentityProvider.adminClaims(Instant.now())
                .issuer(STOPPED_ISSUER).build());

        var withToken = assertTimeout(Duration.ofSeconds(3),
                () -> Http.get(url("/api/tokens/1"), Map.of("Authorization", "Bearer " + token)));
        var withKey = Http.get(url("/api/tokens/1"), Map.of("X-Api-Key", GatewayTest.ADMIN_KEY));

        assertThat(withToken.statusCode()).isEqualTo(503);
        assertThat(JsonPath.<String>read(withToken.body(), "$.service")).isEqualTo("identity-provider");
        assertThat(withToken.body()).doesNotContain("127.0.0.1", "Exception");
        assertThat(withKey.statusCode()).isEqualTo(200);
        assertThat(FakeServices.requestsTo(DownstreamService.TOKEN)).hasSize(1);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private String managementUrl(String path) {
        return "http://localhost:" + managementPort + path;
    }
}
