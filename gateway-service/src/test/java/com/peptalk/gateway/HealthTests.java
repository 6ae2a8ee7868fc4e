package com.peptalk.gateway;

import com.jayway.jsonpath.JsonPath;
import com.peptalk.gateway.routing.DownstreamService;
import com.peptalk.testsupport.Http;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.jsonResponse;
import static org.assertj.core.api.Assertions.assertThat;

class HealthTests extends GatewayTest {

    @Test
    void reportsEveryServiceUpThroughTheDownstreamGroup() {
        var downstream = Http.get(managementUrl("/actuator/health/downstream"));

        assertThat(downstream.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<String>read(downstream.body(), "$.status")).isEqualTo("UP");
        assertThat(JsonPath.<Map<String, Object>>read(downstream.body(), "$.components")).containsOnlyKeys(
                "token-service", "procore-iframe-service", "automation-service", "delivery-service",
                "tracking-service", "heartbeat-service");
        for (DownstreamService service : DownstreamService.values()) {
            assertThat(JsonPath.<String>read(downstream.body(), "$.components['" + service.serviceName() + "'].status"))
                    .as(service.serviceName()).isEqualTo("UP");
        }
    }

    @Test
    void reportsAServiceThatIsNotReadyDownWithoutMakingTheGatewayUnready() {
        FakeServices.of(DownstreamService.DELIVERY).stubFor(get("/actuator/health/readiness")
                .willReturn(jsonResponse("{\"status\":\"OUT_OF_SERVICE\"}", 503)));

        var downstream = Http.get(managementUrl("/actuator/health/downstream"));
        var readiness = Http.get(managementUrl("/actuator/health/readiness"));

        assertThat(downstream.statusCode()).isEqualTo(503);
        assertThat(JsonPath.<String>read(downstream.body(), "$.components['delivery-service'].status"))
                .isEqualTo("DOWN");
        assertThat(JsonPath.<String>read(downstream.body(), "$.components['token-service'].status")).isEqualTo("UP");
        assertThat(downstream.body()).doesNotContain("127.0.0.1", "localhost");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).doesNotContain("delivery-service");
    }

    @Test
    void isLiveAndReadyOnItsOwn() {
        assertThat(Http.get(managementUrl("/actuator/health/liveness")).statusCode()).isEqualTo(200);
        assertThat(Http.get(managementUrl("/actuator/health/readiness")).statusCode()).isEqualTo(200);
    }

    @Test
    void exposesPrometheusMetricsOfRoutesAndCircuitBreakers() {
        FakeServices.of(DownstreamService.TOKEN).stubFor(get("/api/tokens/1").willReturn(jsonResponse("{}", 200)));
        Http.get(url("/api/tokens/1"), asAdmin());

        var metrics = Http.get(managementUrl("/actuator/prometheus"));

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("application=\"gateway-service\"",
                "resilience4j_circuitbreaker_state{", "spring_cloud_gateway_requests_seconds_count{",
                "routeId=\"token-admin\"");
    }

    /** Issue 8, row 6: probes and scraping use the management port; the public port does not serve the actuator. */
    @Test
    void keepsTheActuatorOffThePublicPort() {
        for (String path : new String[] { "/actuator/health", "/actuator/health/downstream", "/actuator/prometheus",
                "/actuator" }) {
            var response = Http.get(url(path));

            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).doesNotContain("token-service", "resilience4j");
        }
        assertThat(managementPort).isNotEqualTo(port);
    }
}
