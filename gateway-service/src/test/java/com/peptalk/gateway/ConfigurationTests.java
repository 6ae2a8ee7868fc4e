package com.peptalk.gateway;

import com.peptalk.testsupport.StartupFailures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigurationTests {

    @Test
    void refusesToStartWithoutAServiceAddress() {
        assertThat(StartupFailures.failureOf(GatewayServiceApplication.class, "peptalk.gateway.services.token="))
                .contains("peptalk.gateway.services.token", "must not be null");
    }

    @Test
    void refusesAServiceAddressThatIsNotAnHttpOrigin() {
        assertThat(StartupFailures.failureOf(GatewayServiceApplication.class,
                "peptalk.gateway.services.delivery=http://delivery-service:8084/api",
                "peptalk.gateway.services.heartbeat=heartbeat-service:8086"))
                .contains("peptalk.gateway.services.delivery", "peptalk.gateway.services.heartbeat",
                        "must be http(s)://host[:port]");
    }

    @Test
    void refusesAnUnreadableOrZeroTimeout() {
        assertThat(StartupFailures.failureOf(GatewayServiceApplication.class,
                "peptalk.gateway.response-timeout=soon")).contains("peptalk.gateway.response-timeout");
        assertThat(StartupFailures.failureOf(GatewayServiceApplication.class, "peptalk.gateway.connect-timeout=0s"))
                .contains("peptalk.gateway.connectTimeout", "must be longer than or equal to");
    }

    @Test
    void refusesFrameAncestorsThatAreMissingOrCouldInjectDirectives() {
        assertThat(StartupFailures.failureOf(GatewayServiceApplication.class, "peptalk.gateway.frame-ancestors="))
                .contains("peptalk.gateway.frameAncestors", "must not be empty");
        assertThat(StartupFailures.failureOf(GatewayServiceApplication.class,
                "peptalk.gateway.frame-ancestors=https://*.procore.com; script-src *"))
                .contains("peptalk.gateway.frameAncestors", "must be a CSP host source");
    }
}
