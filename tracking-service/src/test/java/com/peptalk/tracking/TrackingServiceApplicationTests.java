package com.peptalk.tracking;

import com.peptalk.testsupport.ServiceChecks;
import com.peptalk.testsupport.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@ServiceTest
class TrackingServiceApplicationTests {

    @LocalServerPort
    int port;

    @Test
    void isReadyWithItsDatabaseAndKafka() {
        ServiceChecks.assertReadyWithItsDatabaseAndKafka(port);
    }

    @Test
    void exposesPrometheusMetrics() {
        ServiceChecks.assertExposesPrometheusMetrics(port, "tracking-service");
    }
}
