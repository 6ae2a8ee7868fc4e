package com.peptalk.iframe;

import com.peptalk.testsupport.Http;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProcoreIframeServiceApplicationTests extends IframeServiceTest {

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
        assertThat(metrics.body()).contains("jvm_memory_used_bytes", "application=\"procore-iframe-service\"");
    }
}
