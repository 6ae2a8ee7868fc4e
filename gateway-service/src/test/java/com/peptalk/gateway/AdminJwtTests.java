package com.peptalk.gateway;

import com.jayway.jsonpath.JsonPath;
import com.nimbusds.jwt.JWTClaimsSet;
import com.peptalk.gateway.routing.DownstreamService;
import com.peptalk.testsupport.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;

import static com.peptalk.gateway.AdminAuthenticationTests.assertNoServiceWasCalled;
import static com.peptalk.gateway.AdminAuthenticationTests.assertUnauthorized;
import static com.peptalk.gateway.AdminAuthenticationTests.everyServiceWouldAnswer;
import static org.assertj.core.api.Assertions.assertThat;

/** Bearer JWTs from the configured issuer (a WireMock server publishing its OpenID configuration and JWKS). */
class AdminJwtTests extends GatewayTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "/api/directory/companies", "/api/heartbeats/kiosks", "/admin/projects" })
    void forwardsTheBearerOfAValidAdminTokenAsItsSubject(String path) {
        everyServiceWouldAnswer();
        String token = FakeIdentityProvider.token(FakeIdentityProvider.adminClaims(clock.instant()).build());

        var response = Http.get(url(path), Map.of("Authorization", "Bearer " + token));

        assertThat(response.statusCode()).isEqualTo(200);
        DownstreamService service = path.contains("heartbeats") ? DownstreamService.HEARTBEAT : DownstreamService.TOKEN;
        assertThat(FakeServices.requestsTo(service)).singleElement().satisfies(request -> {
            assertThat(IdentityRelayTests.relayedSubject(request)).isEqualTo("ada@peptalk.test");
            // the gateway's signed identity instead of the issuer's token (IdentityRelayTests)
            assertThat(request.getHeader("Authorization")).startsWith("Bearer ").doesNotContain(token);
        });
    }

    @Test
    void refusesAnExpiredToken() {
        everyServiceWouldAnswer();
        Instant issued = clock.instant().minus(Duration.ofMinutes(10));
        // past the 60 s leeway for clocks that differ
        String token = FakeIdentityProvider.token(FakeIdentityProvider.adminClaims(issued)
                .expirationTime(Date.from(clock.instant().minus(Duration.ofMinutes(2)))).build());

        assertUnauthorized(Http.get(url("/api/tokens/1"), bearer(token)), true);
        assertNoServiceWasCalled();
    }

    @Test
    void refusesATokenThatExpiresWhileTheClockMoves() {
        everyServiceWouldAnswer();
        String token = FakeIdentityProvider.token(FakeIdentityProvider.adminClaims(clock.instant()).build());
        assertThat(Http.get(url("/api/tokens/1"), bearer(token)).statusCode()).isEqualTo(200);

        clock.advance(Duration.ofMinutes(7)); // valid for 5 min, plus 60 s leeway

        assertUnauthorized(Http.get(url("/api/tokens/1"), bearer(token)), true);
    }

    @Test
    void refusesATokenFromAnotherIssuer() {
        everyServiceWouldAnswer();
        String token = FakeIdentityProvider.token(FakeIdentityProvider.adminClaims(clock.instant())
                .issuer("https://login.elsewhere.example/realms/peptalk").build());

        assertUnauthorized(Http.get(url("/api/tokens/1"), bearer(token)), true);
        assertNoServiceWasCalled();
    }

    @Test
    void refusesATokenSignedWithAKeyTheIssuerDoesNotPublish() {
        everyServiceWouldAnswer();
        String token = FakeIdentityProvider.forgedToken(FakeIdentityProvider.adminClaims(clock.instant()).build());

        assertUnauthorized(Http.get(url("/api/tokens/1"), bearer(token)), true);
        assertNoServiceWasCalled();
    }

    @Test
    void refusesATokenWithAnotherSignatureSpliced() {
        everyServiceWouldAnswer();
        String valid = FakeIdentityProvider.token(FakeIdentityProvider.adminClaims(clock.instant()).build());
        String other = FakeIdentityProvider.token(FakeIdentityProvider.adminClaims(clock.instant())
                .subject("mallory@peptalk.test").build());
        String spliced = other.substring(0, other.lastIndexOf('.')) + valid.substring(valid.lastIndexOf('.'));

        assertUnauthorized(Http.get(url("/api/tokens/1"), bearer(spliced)), true);
        assertNoServiceWasCalled();
    }

    @Test
    void refusesATokenForAnotherAudience() {
        everyServiceWouldAnswer();
        String token = FakeIdentityProvider.token(FakeIdentityProvider.adminClaims(clock.instant())
                .audience("another-api").build());

        assertUnauthorized(Http.get(url("/api/tokens/1"), bearer(token)), true);
        assertNoServiceWasCalled();
    }

    @Test
    void forbidsAValidTokenWithoutTheAdminScope() {
        everyServiceWouldAnswer();
        String token = FakeIdentityProvider.token(FakeIdentityProvider.adminClaims(clock.instant())
                .claim("scope", "openid profile peptalk.admin.readonly").build());

        var response = Http.get(url("/api/tokens/1"), bearer(token));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JsonPath.<String>read(response.body(), "$.type")).isEqualTo("https://peptalk.dev/problems/forbidden");
        assertThat(JsonPath.<String>read(response.body(), "$.detail")).contains(FakeIdentityProvider.ADMIN_SCOPE);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValue("Bearer realm=\"peptalk-admin\", error=\"insufficient_scope\"");
        assertNoServiceWasCalled();
    }

    @Test
    void refusesATokenWithoutASubject() {
        everyServiceWouldAnswer();
        JWTClaimsSet claims = FakeIdentityProvider.adminClaims(clock.instant()).subject(null).build();

        assertUnauthorized(Http.get(url("/api/tokens/1"), bearer(FakeIdentityProvider.token(claims))), true);
    }

    @Test
    void refusesAnUnsignedToken() {
        everyServiceWouldAnswer();
        String signed = FakeIdentityProvider.token(FakeIdentityProvider.adminClaims(clock.instant()).build());
        String[] parts = signed.split("\\.");
        String unsigned = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "." + parts[1] + ".";

        assertUnauthorized(Http.get(url("/api/tokens/1"), bearer(unsigned)), true);
        assertUnauthorized(Http.get(url("/api/tokens/1"), bearer(unsigned + "x")), true);
        assertNoServiceWasCalled();
    }

    @Test
    void stillAcceptsAdminApiKeysNextToTheIssuer() {
        everyServiceWouldAnswer();

        assertThat(Http.get(url("/api/tokens/1"), bearer(ADMIN_KEY)).statusCode()).isEqualTo(200);
    }

    private static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }
}
