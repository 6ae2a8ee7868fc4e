package com.peptalk.tracking;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;

/**
 * SNS's HTTPS side for the tests, one per test JVM: serves signing certificates and answers subscription
 * confirmations, over HTTPS with a self-signed certificate for {@code localhost} that only the test JVM trusts
 * (surefire's trust store settings in the pom).
 */
final class FakeSns {

    private static WireMockServer server;

    static synchronized WireMockServer server() {
        if (server == null) {
            URL keystore = FakeSns.class.getResource("/fake-sns-https.p12");
            server = new WireMockServer(WireMockConfiguration.options().httpDisabled(true).httpsPort(0)
                    .keystorePath(keystore.getPath()).keystoreType("PKCS12").keystorePassword("fake-sns").keyManagerPassword("fake-sns"));
            server.start();
        }
        return server;
    }

    static String url(String pathAndQuery) {
        return "https://localhost:" + server().httpsPort() + pathAndQuery;
    }

    /** The certificate whose private key signs the tests' SNS messages (the one also pinned in application-test.yml). */
    static String certificatePem() {
        try (InputStream in = FakeSns.class.getResourceAsStream("/sns-test-cert.pem")) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private FakeSns() {
    }
}
