package com.peptalk.iframe;

import com.peptalk.testsupport.ServiceChecks;
import org.junit.jupiter.api.Test;

class ProcoreIframeServiceApplicationTests extends IframeServiceTest {

    @Test
    void isReadyWithItsDatabaseAndKafka() {
        ServiceChecks.assertReadyWithItsDatabaseAndKafka(port);
    }

    @Test
    void exposesPrometheusMetrics() {
        ServiceChecks.assertExposesPrometheusMetrics(port, "procore-iframe-service");
    }
}
