package com.peptalk.heartbeat;

import com.peptalk.testsupport.ServiceChecks;
import com.peptalk.testsupport.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@ServiceTest
class HeartbeatServiceApplicationTests {

    @LocalServerPort
    int port;

    @Test
    void isReadyWithItsDatabaseAndKafka() {
        ServiceChecks.assertReadyWithItsDatabaseAndKafka(port);
    }

    @Test
    void exposesPrometheusMetrics() {
        ServiceChecks.assertExposesPrometheusMetrics(port, "heartbeat-service");
    }
}
