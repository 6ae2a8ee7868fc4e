package com.peptalk.gateway;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.peptalk.gateway.routing.DownstreamService;
import com.peptalk.testsupport.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class RoutingTests extends GatewayTest {

    @ParameterizedTest(name = "{0} reaches {1} (as admin: {2})")
    @CsvSource({
            "/integrations/procore/iframe?api_token=t0k3n&project_id=7, PROCORE_IFRAME, false",
            "/admin/projects, TOKEN, true",
            "/api/directory/companies/3, TOKEN, true",
            "/api/tokens/generate, TOKEN, true",
            "/api/automation/workflows, AUTOMATION, true",
            "/api/messages/m-1/timeline, DELIVERY, true",
            "/api/suppressions, DELIVERY, true",
            "/webhooks/ses, TRACKING, false",
            "/webhooks/twilio/status, TRACKING, false",
            "/webhooks/procore, TRACKING, false",
            "/t/c/abc123, TRACKING, false",
            "/api/kiosks/heartbeats, TRACKING, false",
            "/api/webhook-log?failures=true, TRACKING, true",
            "/webhook-log?failures=true, TRACKING, true",
            "/heartbeats, HEARTBEAT, true",
            "/api/heartbeats/kiosks/k-9, HEARTBEAT, true" })
    void routesEveryPublicPathToItsServiceWithTheRequestId(String path, DownstreamService service, boolean admin) {
        FakeServices.of(service).stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/plain").withBody("answered by " + service.serviceName())));

        Map<String, String> headers = Map.of("X-Request-Id", "req-0123456789");
        var response = Http.get(url(path), admin ? asAdmin(headers) : headers);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("answered by " + service.serviceName());
        assertThat(response.headers().firstValue("X-Request-Id")).hasValue("req-0123456789");
        List<LoggedRequest> received = FakeServices.requestsTo(service);
        assertThat(received).singleElement().satisfies(request -> {
            assertThat(request.getUrl()).isEqualTo(path);
            assertThat(request.getHeader("X-Request-Id")).isEqualTo("req-0123456789");
        });
        Arrays.stream(DownstreamService.values()).filter(other -> other != service)
                .forEach(other -> assertThat(FakeServices.requestsTo(other)).as(other.serviceName()).isEmpty());
    }

    @Test
    void forwardsAPostWithItsBodyAndAnswersWhatTheServiceAnswered() {
        FakeServices.of(DownstreamService.TRACKING).stubFor(post("/webhooks/twilio/status")
                .willReturn(aResponse().withStatus(202).withHeader("Content-Type", "application/json")
                        .withBody("{\"accepted\":true}")));

        var response = Http.post(url("/webhooks/twilio/status"), "application/x-www-form-urlencoded",
                "MessageSid=SM1&MessageStatus=delivered", Map.of("X-Twilio-Signature", "c2lnbmF0dXJl"));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).isEqualTo("{\"accepted\":true}");
        FakeServices.of(DownstreamService.TRACKING).verify(postRequestedFor(urlEqualTo("/webhooks/twilio/status"))
                .withHeader("X-Twilio-Signature", equalTo("c2lnbmF0dXJl"))
                .withRequestBody(equalTo("MessageSid=SM1&MessageStatus=delivered")));
    }

    @Test
    void givesARequestWithoutAnIdANewOneAndTellsBothSides() {
        FakeServices.of(DownstreamService.TOKEN).stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));

        var response = Http.get(url("/api/tokens/1"), asAdmin());

        String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(requestId).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(FakeServices.requestsTo(DownstreamService.TOKEN)).singleElement()
                .satisfies(request -> assertThat(request.getHeader("X-Request-Id")).isEqualTo(requestId));
    }

    @Test
    void replacesAMalformedRequestId() {
        FakeServices.of(DownstreamService.TOKEN).stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));

        var response = Http.get(url("/api/tokens/1"), asAdmin(Map.of("X-Request-Id", "<script>alert(1)</script>")));

        String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(requestId).doesNotContain("script").hasSize(36);
        assertThat(FakeServices.requestsTo(DownstreamService.TOKEN)).singleElement()
                .satisfies(request -> assertThat(request.getHeader("X-Request-Id")).isEqualTo(requestId));
    }

    @Test
    void servesEveryServicesOpenApiDocumentToAdminsUnderOnePath() {
        for (DownstreamService service : DownstreamService.values()) {
            String name = service.serviceName().replace("-service", "");
            FakeServices.of(service).stubFor(get("/v3/api-docs").willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/json").withBody("{\"openapi\":\"3.1.0\"}")));

            var anonymous = Http.get(url("/admin/api-docs/" + name));
            var admin = Http.get(url("/admin/api-docs/" + name), asAdmin());

            assertThat(anonymous.statusCode()).as(name).isIn(302, 401);
            assertThat(admin.statusCode()).as(name).isEqualTo(200);
            assertThat(admin.body()).isEqualTo("{\"openapi\":\"3.1.0\"}");
            FakeServices.of(service).verify(getRequestedFor(urlEqualTo("/v3/api-docs"))
                    .withHeader("Authorization", matching("Bearer .+")));
        }
    }
}
