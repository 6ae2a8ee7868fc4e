package com.peptalk.gateway;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.peptalk.gateway.routing.DownstreamService;
import com.peptalk.testsupport.Http;
import com.peptalk.testsupport.RawHttp;
import org.junit.jupiter.api.Test;

import java.security.KeyFactory;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The identity relayed to the services on admin routes: {@code Authorization: Bearer <jwt>} signed by the gateway
 * (ES256, {@code kid}), with {@code iss}, {@code aud} = the service, {@code sub}, {@code kind}, {@code scope},
 * {@code iat}, {@code exp} = {@code iat} + 60 s and {@code jti}; the caller's credential never goes on.
 */
class IdentityRelayTests extends GatewayTest {

    /** The public key of the test profile's peptalk.gateway.identity.signing-key (X.509 DER, base64). */
    static final String PUBLIC_KEY = "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEX7gTIGV/MKVZnrp2eOykin08iH+b1IwHczOCcQUC6E4zf/wRf"
            + "+YHXQXMtdvXRHdDSpHLDXm7531TMLW4AKyusw==";

    @Test
    void relaysTheAdminAsATokenSignedForTheServiceItGoesTo() throws Exception {
        FakeServices.of(DownstreamService.AUTOMATION).stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));

        assertThat(Http.get(url("/api/automation/workflows"), asAdmin()).statusCode()).isEqualTo(200);

        LoggedRequest received = FakeServices.requestsTo(DownstreamService.AUTOMATION).getFirst();
        String authorization = received.getHeader("Authorization");
        assertThat(authorization).startsWith("Bearer ").doesNotContain(ADMIN_KEY);
        SignedJWT jwt = SignedJWT.parse(authorization.substring("Bearer ".length()));
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(jwt.getHeader().getKeyID()).isEqualTo("test-1");
        assertThat(jwt.verify(new ECDSAVerifier(publicKey()))).isTrue();
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("peptalk-gateway");
        assertThat(claims.getAudience()).containsExactly("automation-service");
        assertThat(claims.getSubject()).isEqualTo(ADMIN_SUBJECT);
        assertThat(claims.getStringClaim("kind")).isEqualTo("admin");
        assertThat(claims.getStringClaim("scope")).isEqualTo("peptalk.admin");
        assertThat(claims.getIssueTime().toInstant()).isEqualTo(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofSeconds(60));
        assertThat(claims.getJWTID()).isNotBlank();
    }

    @Test
    void givesEveryRequestItsOwnTokenForItsOwnService() throws Exception {
        FakeServices.of(DownstreamService.TOKEN).stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
        FakeServices.of(DownstreamService.HEARTBEAT).stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));

        Http.get(url("/api/tokens/1"), Map.of("X-Api-Key", ADMIN_KEY));
        Http.get(url("/api/tokens/2"), Map.of("X-Api-Key", ADMIN_KEY));
        Http.get(url("/api/heartbeats/kiosks"), asAdmin());

        var toToken = FakeServices.requestsTo(DownstreamService.TOKEN);
        SignedJWT first = bearer(toToken.get(0));
        SignedJWT second = bearer(toToken.get(1));
        assertThat(first.getJWTClaimsSet().getAudience()).containsExactly("token-service");
        assertThat(first.getJWTClaimsSet().getJWTID()).isNotEqualTo(second.getJWTClaimsSet().getJWTID());
        assertThat(toToken.getFirst().getHeaders().keys()).doesNotContain("X-Api-Key");
        assertThat(bearer(FakeServices.requestsTo(DownstreamService.HEARTBEAT).getFirst()).getJWTClaimsSet()
                .getAudience()).containsExactly("heartbeat-service");
    }

    @Test
    void keepsTheRelayedTokenWhenTheCallerListsAuthorizationAsHopByHop() throws Exception {
        FakeServices.of(DownstreamService.TOKEN).stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));

        RawHttp.send(port, "GET /api/tokens/1 HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + ADMIN_KEY
                + "\r\nConnection: Authorization, close");

        SignedJWT jwt = bearer(FakeServices.requestsTo(DownstreamService.TOKEN).getFirst());
        assertThat(jwt.verify(new ECDSAVerifier(publicKey()))).isTrue();
    }

    @Test
    void leavesTheCallersOwnAuthorizationOnRoutesTheServiceAuthenticates() {
        FakeServices.of(DownstreamService.TRACKING).stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));

        Http.post(url("/webhooks/procore"), "application/json", "{}", Map.of("Authorization", "procore-secret"));

        assertThat(FakeServices.requestsTo(DownstreamService.TRACKING).getFirst().getHeader("Authorization"))
                .isEqualTo("procore-secret");
    }

    /** The subject of the identity the gateway relayed with {@code request} (its signature: tests above). */
    static String relayedSubject(LoggedRequest request) {
        try {
            return bearer(request).getJWTClaimsSet().getSubject();
        }
        catch (java.text.ParseException notAJwt) {
            throw new AssertionError("no relayed identity: " + request.getHeader("Authorization"), notAJwt);
        }
    }

    private static SignedJWT bearer(LoggedRequest request) throws java.text.ParseException {
        return SignedJWT.parse(request.getHeader("Authorization").substring("Bearer ".length()));
    }

    static ECPublicKey publicKey() throws Exception {
        return (ECPublicKey) KeyFactory.getInstance("EC")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(PUBLIC_KEY)));
    }
}
