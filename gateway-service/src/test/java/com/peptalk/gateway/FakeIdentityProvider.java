package com.peptalk.gateway;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * An OIDC issuer on a WireMock server, started once per test JVM: its OpenID configuration and its JWKS (one
 * RSA key), and tokens signed with that key, or with another key that claims the same key id.
 */
final class FakeIdentityProvider {

    static final String KEY_ID = "test-signing-key";
    static final String AUDIENCE = "peptalk-gateway";
    static final String ADMIN_SCOPE = "peptalk.admin";

    private static final RSAKey SIGNING_KEY = rsaKey();
    private static final RSAKey IMPOSTOR_KEY = rsaKey();
    private static final WireMockServer SERVER = start();

    static String issuer() {
        return "http://127.0.0.1:" + SERVER.port() + "/realms/peptalk";
    }

    /** Claims of a token the gateway accepts as of {@code now}: change one to make it unacceptable. */
    static JWTClaimsSet.Builder adminClaims(Instant now) {
        return new JWTClaimsSet.Builder().issuer(issuer()).subject("ada@peptalk.test").audience(AUDIENCE)
                .claim("scope", "openid " + ADMIN_SCOPE).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))));
    }

    static String token(JWTClaimsSet claims) {
        return sign(claims, SIGNING_KEY);
    }

    /** Signed with a key the issuer does not publish, under the published key's id. */
    static String forgedToken(JWTClaimsSet claims) {
        return sign(claims, IMPOSTOR_KEY);
    }

    private static String sign(JWTClaimsSet claims, RSAKey key) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY_ID)
                .type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
        return jwt.serialize();
    }

    private static RSAKey rsaKey() {
        try {
            return new RSAKeyGenerator(2048).keyID(KEY_ID).generate();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static WireMockServer start() {
        WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1")
                .containerThreads(8).jettyAcceptors(1));
        server.start();
        String issuer = "http://127.0.0.1:" + server.port() + "/realms/peptalk";
        server.stubFor(get("/realms/peptalk/.well-known/openid-configuration").willReturn(okJson("""
                {"issuer": "%s", "jwks_uri": "%s/protocol/openid-connect/certs",
                 "id_token_signing_alg_values_supported": ["RS256"]}""".formatted(issuer, issuer))));
        server.stubFor(get("/realms/peptalk/protocol/openid-connect/certs")
                .willReturn(okJson(new JWKSet(SIGNING_KEY.toPublicJWK()).toString())));
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "fake-identity-provider-stop"));
        return server;
    }

    private FakeIdentityProvider() {
    }
}
