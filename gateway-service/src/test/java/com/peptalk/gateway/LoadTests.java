package com.peptalk.gateway;

import com.peptalk.testsupport.RawHttp;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bounded load through the gateway to a healthy, fast service (issue 8, row 1): every request is answered by the
 * service, and its circuit stays closed. Not timed: it counts statuses and reads the breaker.
 */
class LoadTests extends FastServiceGatewayTest {

    private static final int CONNECTIONS = 200;
    private static final int REQUESTS_PER_CONNECTION = 5;

    @Test
    void answersTwoHundredConcurrentConnectionsToAHealthyServiceWithoutOneServerErrorOrAnOpenCircuit()
            throws Exception {
        Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        CountDownLatch allConnected = new CountDownLatch(CONNECTIONS);
        int before = FastBackend.requests();

        List<Future<Void>> connections = new ArrayList<>();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int connection = 0; connection < CONNECTIONS; connection++) {
                // each connection its own client (address, through the trusted proxy), so no rate limit is reached
                String client = "198.18." + (connection / 200) + "." + (connection % 200 + 1);
                connections.add(clients.submit(() -> {
                    try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
                        allConnected.countDown();
                        allConnected.await();
                        for (int request = 0; request < REQUESTS_PER_CONNECTION; request++) {
                            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(
                                    url("/integrations/procore/iframe?api_token=load")))
                                    .header("X-Forwarded-For", client).timeout(Duration.ofSeconds(30)).build(),
                                    HttpResponse.BodyHandlers.discarding());
                            statuses.computeIfAbsent(response.statusCode(), status -> new LongAdder()).increment();
                        }
                    }
                    return null;
                }));
            }
        }

        for (Future<Void> connection : connections) {
            connection.get(); // a client that failed fails the test with its cause
        }
        assertThat(statuses).containsOnlyKeys(200);
        assertThat(statuses.get(200).sum()).isEqualTo(CONNECTIONS * REQUESTS_PER_CONNECTION);
        assertThat(FastBackend.requests() - before).isEqualTo(CONNECTIONS * REQUESTS_PER_CONNECTION);
        CircuitBreaker iframe = circuitBreakers.circuitBreaker("procore-iframe-service");
        assertThat(iframe.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(iframe.getMetrics().getNumberOfFailedCalls()).isZero();
        assertThat(iframe.getMetrics().getNumberOfNotPermittedCalls()).isZero();
    }

    /** Issue 8, row 7; here because the fake needs to be a plain HTTP server that ignores what it does not know. */
    @Test
    void offersNoWebSocketUpgradeOnARouteThatIsNoWebSocketRoute() {
        RawHttp.Answer response = RawHttp.send(port, "GET /integrations/procore/iframe?api_token=ws HTTP/1.1\r\n"
                + "Host: localhost\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nConnection: close");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("ok");
        assertThat(FastBackend.lastHeaders().names()).noneMatch(name -> name.equalsIgnoreCase("Upgrade")
                || name.regionMatches(true, 0, "Sec-WebSocket-", 0, 14));
    }
}
