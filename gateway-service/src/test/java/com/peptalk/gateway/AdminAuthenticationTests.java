package com.peptalk.gateway;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.jayway.jsonpath.JsonPath;
import com.peptalk.gateway.routing.DownstreamService;
import com.peptalk.testsupport.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

/** Admin routes need an admin API key, which never goes further; the other routes are the services' to check. */
class AdminAuthenticationTests extends GatewayTest {

    private static final String UNAUTHORIZED = "https://peptalk.dev/problems/unauthorized";

    /** One path of every admin route pattern, and its service. */
    static Stream<Arguments> adminPaths() {
        return Stream.of(
                Arguments.of("/admin/projects", DownstreamService.TOKEN),
                Arguments.of("/api/directory/companies/3", DownstreamService.TOKEN),
                Arguments.of("/api/tokens/generate", DownstreamService.TOKEN),
                Arguments.of("/api/automation/workflows", DownstreamService.AUTOMATION),
                Arguments.of("/api/messages/m-1/timeline", DownstreamService.DELIVERY),
                Arguments.of("/api/suppressions", DownstreamService.DELIVERY),
                Arguments.of("/api/webhook-log?failures=true", DownstreamService.TRACKING),
                Arguments.of("/heartbeats/dashboard", DownstreamService.HEARTBEAT),
                Arguments.of("/api/heartbeats/kiosks/k-9", DownstreamService.HEARTBEAT));
    }

    /** Every admin path, with the key in each header it may come in. */
    static Stream<Arguments> adminPathsAndKeyHeaders() {
        return adminPaths().flatMap(arguments -> Stream.of(
                Arguments.of(arguments.get()[0], arguments.get()[1], "Authorization", "Bearer " + ADMIN_KEY),
                Arguments.of(arguments.get()[0], arguments.get()[1], "X-Api-Key", ADMIN_KEY)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("adminPaths")
    void refusesEveryAdminRouteWithoutACredential(String path, DownstreamService service) {
        everyServiceWouldAnswer();

        var response = Http.get(url(path), Map.of("X-Request-Id", "req-0123456789"));

        assertUnauthorized(response, false);
        assertThat(JsonPath.<String>read(response.body(), "$.instance")).isEqualTo(path.replaceFirst("\\?.*", ""));
        assertThat(JsonPath.<String>read(response.body(), "$.requestId")).isEqualTo("req-0123456789");
        assertNoServiceWasCalled();
    }

    @ParameterizedTest(name = "{0} with a wrong key in {2}")
    @MethodSource("adminPathsAndKeyHeaders")
    void refusesAWrongKey(String path, DownstreamService service, String header, String rightValue) {
        everyServiceWouldAnswer();

        var response = Http.get(url(path), Map.of(header, rightValue.replace(ADMIN_KEY, ADMIN_KEY + "x")));

        assertUnauthorized(response, true);
        assertNoServiceWasCalled();
    }

    @ParameterizedTest(name = "{0} with the key in {2}")
    @MethodSource("adminPathsAndKeyHeaders")
    void forwardsAnAdminWithTheSubjectInsteadOfTheKey(String path, DownstreamService service, String header,
            String value) {
        everyServiceWouldAnswer();

        var response = Http.get(url(path), Map.of(header, value,
                "Cookie", "theme=dark; peptalk_admin_session=not-for-services"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("reached");
        assertThat(FakeServices.requestsTo(service)).singleElement().satisfies(request -> {
            assertThat(request.getUrl()).isEqualTo(path);
            assertThat(request.getHeaders().keys()).doesNotContain("X-Api-Key");
            // the gateway's signed identity instead of the caller's key (IdentityRelayTests)
            assertThat(request.getHeader("Authorization")).startsWith("Bearer ey").doesNotContain(ADMIN_KEY);
            assertThat(IdentityRelayTests.relayedSubject(request)).isEqualTo(ADMIN_SUBJECT);
            // the signed identity is the only way a service learns who called: no plain subject header
            assertThat(request.getHeaders().keys()).doesNotContain("X-Admin-Subject");
            assertThat(request.getHeader("Cookie")).isEqualTo("theme=dark");
            assertThat(request.getBodyAsString()).doesNotContain(ADMIN_KEY);
        });
    }

    @Test
    void tellsTheAdminsApartBySubject() {
        everyServiceWouldAnswer();

        Http.get(url("/api/tokens/1"), Map.of("X-Api-Key", SECOND_ADMIN_KEY));

        assertThat(FakeServices.requestsTo(DownstreamService.TOKEN)).singleElement()
                .satisfies(request -> assertThat(IdentityRelayTests.relayedSubject(request)).isEqualTo(SECOND_ADMIN_SUBJECT));
    }

    @Test
    void forwardsAWriteOfAnAdminWhoseKeyIsInAHeaderWithoutAskingWhereItCameFrom() {
        everyServiceWouldAnswer();

        var response = Http.post(url("/api/suppressions"), "application/json", "{\"address\":\"a@b.c\"}",
                asAdmin(Map.of("Origin", "https://elsewhere.example")));

        // a header credential is not sent by a browser on its own, so there is nothing to forge across sites
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(FakeServices.requestsTo(DownstreamService.DELIVERY)).singleElement()
                .satisfies(request -> assertThat(request.getBodyAsString()).isEqualTo("{\"address\":\"a@b.c\"}"));
    }

    @Test
    void refusesTwoCredentialsAtOnceAndOtherAuthorizationSchemes() {
        everyServiceWouldAnswer();

        assertUnauthorized(Http.get(url("/api/tokens/1"),
                Map.of("Authorization", "Bearer " + ADMIN_KEY, "X-Api-Key", SECOND_ADMIN_KEY)), true);
        assertUnauthorized(Http.get(url("/api/tokens/1"), Map.of("Authorization", "Basic " + ADMIN_KEY)), true);
        assertUnauthorized(Http.get(url("/api/tokens/1"), Map.of("Authorization", "Bearer ")), true);
        assertNoServiceWasCalled();
    }

    @Test
    void acceptsTheBearerSchemeInAnyCase() {
        everyServiceWouldAnswer();

        var response = Http.get(url("/api/tokens/1"), Map.of("Authorization", "bearer " + ADMIN_KEY));

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("publicPaths")
    void letsEveryoneThroughOnPublicRoutesWhoseServicesCheckTheirOwnCredentials(String path, DownstreamService service) {
        everyServiceWouldAnswer();

        var response = Http.get(url(path), Map.of("Authorization", "Procore-Signature abc",
                "Cookie", "peptalk_admin_session=not-for-services; lang=en"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(FakeServices.requestsTo(service)).singleElement().satisfies(request -> {
            // the service's own credentials pass through; what only the gateway may say does not
            assertThat(request.getHeader("Authorization")).isEqualTo("Procore-Signature abc");
            assertThat(request.getHeader("Cookie")).isEqualTo("lang=en");
        });
    }

    static Stream<Arguments> publicPaths() {
        return Stream.of(
                Arguments.of("/integrations/procore/iframe?api_token=t0k3n", DownstreamService.PROCORE_IFRAME),
                Arguments.of("/webhooks/procore", DownstreamService.TRACKING),
                Arguments.of("/webhooks/twilio/status", DownstreamService.TRACKING),
                Arguments.of("/t/c/abc123", DownstreamService.TRACKING),
                Arguments.of("/api/kiosks/heartbeats", DownstreamService.TRACKING));
    }

    @Test
    void neverRoutesInternalPathsEvenForAnAdmin() {
        everyServiceWouldAnswer();

        var response = Http.get(url("/internal/tokens/introspect"), asAdmin());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(JsonPath.<String>read(response.body(), "$.type")).isEqualTo("https://peptalk.dev/problems/not-found");
        assertNoServiceWasCalled();
    }

    static void assertUnauthorized(HttpResponse<String> response, boolean credentialGiven) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JsonPath.<String>read(response.body(), "$.type")).isEqualTo(UNAUTHORIZED);
        assertThat(JsonPath.<Integer>read(response.body(), "$.status")).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue(credentialGiven
                ? "Bearer realm=\"peptalk-admin\", error=\"invalid_token\"" : "Bearer realm=\"peptalk-admin\"");
        assertThat(response.body()).doesNotContain(ADMIN_KEY);
    }

    static void everyServiceWouldAnswer() {
        Arrays.stream(DownstreamService.values()).forEach(service -> FakeServices.of(service)
                .stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("reached"))));
    }

    static void assertNoServiceWasCalled() {
        Arrays.stream(DownstreamService.values()).forEach(service -> assertThat(FakeServices.requestsTo(service))
                .as(service.serviceName()).extracting(LoggedRequest::getUrl).isEmpty());
    }
}
