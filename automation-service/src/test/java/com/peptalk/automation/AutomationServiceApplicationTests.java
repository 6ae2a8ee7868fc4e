package com.peptalk.automation;

import com.peptalk.testsupport.Http;
import com.peptalk.testsupport.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@ServiceTest
class AutomationServiceApplicationTests {

    @LocalServerPort
    int port;

    @Test
    void isReadyWithItsDatabaseAndKafka() {
        var readiness = Http.get("http://localhost:" + port + "/actuator/health/readiness");

        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"db\"", "\"kafka\"").doesNotContain("DOWN");
        assertThat(Http.get("http://localhost:" + port + "/actuator/health/liveness").statusCode()).isEqualTo(200);
    }

    @Test
    void exposesPrometheusMetrics() {
        var metrics = Http.get("http://localhost:" + port + "/actuator/prometheus");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes", "application=\"automation-service\"");
    }
}
