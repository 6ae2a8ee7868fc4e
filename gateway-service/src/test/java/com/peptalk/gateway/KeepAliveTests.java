package com.peptalk.gateway;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guards the Reactor Netty version pinned in the pom: with 1.3.7, a request sent on a keep-alive connection
 * right after a response completed off the event loop (the actuator's health endpoints do) was sometimes never
 * read, and the caller waited until its own timeout (reactor/reactor-netty#4361).
 */
class KeepAliveTests extends GatewayTest {

    @Test
    void keepsAnsweringRequestsOnOneKeepAliveConnection() throws Exception {
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            for (int round = 0; round < 40; round++) {
                // the actuator on its own port, so two keep-alive connections, each asked over and over
                for (String path : new String[] { "m/actuator/health/downstream", "m/actuator/health/readiness",
                        "m/actuator/health/liveness", "/no/such/page", "/api/tokens/../x" }) {
                    String address = path.startsWith("m/") ? managementUrl(path.substring(1)) : url(path);
                    HttpRequest request = HttpRequest.newBuilder(URI.create(address))
                            .timeout(Duration.ofSeconds(3)).GET().build();

                    HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());

                    assertThat(response.statusCode()).as("round %d, %s", round, path).isIn(200, 400, 404);
                }
            }
        }
    }
}
