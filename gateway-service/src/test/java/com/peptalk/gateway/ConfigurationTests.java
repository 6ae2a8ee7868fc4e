package com.peptalk.gateway;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** A missing or invalid setting stops start-up with a message naming it. */
@ExtendWith(OutputCaptureExtension.class)
class ConfigurationTests {

    @Test
    void refusesToStartWithoutAServiceAddress() {
        assertThat(GatewayStartup.failureOf("peptalk.gateway.services.token="))
                .contains("peptalk.gateway.services.token", "must not be null");
    }

    @Test
    void refusesAServiceAddressThatIsNotAnHttpOrigin() {
        assertThat(GatewayStartup.failureOf(
                "peptalk.gateway.services.delivery=http://delivery-service:8084/api",
                "peptalk.gateway.services.heartbeat=heartbeat-service:8086"))
                .contains("peptalk.gateway.services.delivery", "peptalk.gateway.services.heartbeat",
                        "must be http(s)://host[:port]");
    }

    @Test
    void refusesAnUnreadableOrZeroTimeout() {
        assertThat(GatewayStartup.failureOf(
                "peptalk.gateway.response-timeout=soon")).contains("peptalk.gateway.response-timeout");
        assertThat(GatewayStartup.failureOf("peptalk.gateway.connect-timeout=0s"))
                .contains("peptalk.gateway.connectTimeout", "must be longer than or equal to");
    }

    @Test
    void refusesFrameAncestorsThatAreMissingOrCouldInjectDirectives() {
        assertThat(GatewayStartup.failureOf("peptalk.gateway.frame-ancestors="))
                .contains("peptalk.gateway.frameAncestors", "must not be empty");
        assertThat(GatewayStartup.failureOf(
                "peptalk.gateway.frame-ancestors=https://*.procore.com; script-src *"))
                .contains("peptalk.gateway.frameAncestors", "must be a CSP host source");
    }

    @Test
    void refusesToStartWithoutASessionSigningKeyOrWithAShortOne(CapturedOutput output) {
        assertThat(GatewayStartup.failureOf("peptalk.gateway.admin.session-signing-key="))
                .contains("peptalk.gateway.admin.sessionSigningKey", "must not be blank");
        assertThat(GatewayStartup.failureOf("peptalk.gateway.admin.session-signing-key=too-short-to-sign-anything"))
                .contains("peptalk.gateway.admin.session-signing-key must be at least 32 characters");
        // a secret, even a bad one, stays out of the error and the log
        assertThat(output.getAll()).doesNotContain("too-short-to-sign-anything");
    }

    @Test
    void refusesAnApiKeyHashThatIsNoSha256WithoutRepeatingIt(CapturedOutput output) {
        assertThat(GatewayStartup.failureOf("peptalk.gateway.admin.api-key-hashes[0]=the-raw-key-pasted-by-mistake"))
                .contains("every peptalk.gateway.admin.api-key-hashes entry must be the SHA-256 of an API key");
        assertThat(output.getAll()).doesNotContain("the-raw-key-pasted-by-mistake");
    }

    @Test
    void refusesToStartWithNeitherApiKeysNorAnIssuer() {
        assertThat(GatewayStartup.failureOf(
                "peptalk.gateway.admin.api-key-hashes=")).contains(
                        "set peptalk.gateway.admin.api-key-hashes or peptalk.gateway.admin.jwt.issuer-uri");
    }

    @Test
    void refusesAnIssuerThatIsNoUrlAndASessionLifetimeOutOfBounds() {
        assertThat(GatewayStartup.failureOf(
                "peptalk.gateway.admin.jwt.issuer-uri=login.example.com/realms/peptalk"))
                .contains("peptalk.gateway.admin.jwt.issuerUri", "must be an http(s) URL");
        assertThat(GatewayStartup.failureOf(
                "peptalk.gateway.admin.session-lifetime=30d"))
                .contains("peptalk.gateway.admin.sessionLifetime", "must be shorter than or equal to");
    }

    @Test
    void refusesATrustedProxyThatIsNoAddress() {
        assertThat(GatewayStartup.failureOf(
                "peptalk.gateway.trusted-proxies=ingress.example,10.0.0.0/8"))
                .contains("peptalk.gateway.trustedProxies[0]", "must be an IP address or a CIDR block");
    }

    @Test
    void refusesARateLimitThatLetsNothingThrough() {
        assertThat(GatewayStartup.failureOf(
                "peptalk.gateway.rate-limits.groups.kiosks.capacity=0",
                "peptalk.gateway.rate-limits.groups.webhooks.refill-per-second=0"))
                .contains("peptalk.gateway.rate-limits.groups[kiosks].capacity",
                        "peptalk.gateway.rate-limits.groups[webhooks].refillPerSecond");
    }

    @Test
    void refusesAnIdentitySigningKeyThatIsMissingOrNoP256KeyWithoutShowingIt(CapturedOutput output) {
        assertThat(GatewayStartup.failureOf("peptalk.gateway.identity.signing-key="))
                .contains("peptalk.gateway.identity.signingKey", "must not be blank");
        assertThat(GatewayStartup.failureOf("peptalk.gateway.identity.signing-key=bm90LWEta2V5LWF0LWFsbA"))
                .contains("peptalk.gateway.identity.signing-key must be an EC P-256 private key");
        assertThat(output.getAll()).doesNotContain("bm90LWEta2V5LWF0LWFsbA");
        assertThat(GatewayStartup.failureOf("peptalk.gateway.identity.key-id=two words"))
                .contains("peptalk.gateway.identity.keyId");
    }
}
