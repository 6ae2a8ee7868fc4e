package com.peptalk.gateway;

import com.peptalk.testsupport.RawHttp;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Slow clients are closed within seconds (issue 8, row 5). In this context the header-read and idle timeouts are
 * 2 s; a test passes when the gateway closes the connection before the socket's own 20 s read timeout, which is the
 * bound, not a measurement.
 */
class SlowClientTests extends FastServiceGatewayTest {

    private static final String PARTIAL_HEAD = "GET /integrations/procore/iframe?api_token=slow HTTP/1.1\r\n"
            + "Host: localhost\r\n";

    @Test
    void closesAConnectionThatSendsNothing() throws IOException {
        try (Socket socket = connect()) {
            assertThat(closedByTheGateway(socket)).isTrue();
        }
    }

    @Test
    void closesAConnectionThatSendsHalfItsHeadersAndStops() throws IOException {
        try (Socket socket = connect()) {
            socket.getOutputStream().write(PARTIAL_HEAD.getBytes(StandardCharsets.US_ASCII));

            assertThat(closedByTheGateway(socket)).isTrue();
        }
    }

    @Test
    void closesAConnectionThatTricklesItsHeadersAByteAtATime() throws IOException {
        // a byte every 300 ms restarts an idle timeout every time: only the header deadline stops this
        byte[] head = (PARTIAL_HEAD + "X-Padding: " + "a".repeat(200) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        AtomicInteger sent = new AtomicInteger();
        try (Socket socket = connect(); ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor()) {
            trickle.scheduleAtFixedRate(() -> {
                try {
                    socket.getOutputStream().write(head[sent.getAndIncrement() % head.length]);
                }
                catch (IOException closed) {
                    throw new IllegalStateException(closed); // ends the trickle
                }
            }, 0, 300, TimeUnit.MILLISECONDS);

            assertThat(closedByTheGateway(socket)).isTrue();
            assertThat(sent.get()).as("bytes sent before the gateway closed").isLessThan(head.length);
        }
    }

    @Test
    void closesTwoHundredHalfOpenConnectionsFromOneAddress() throws Exception {
        List<Socket> sockets = new ArrayList<>();
        try (ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Boolean>> closed = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                Socket socket = connect();
                sockets.add(socket);
                socket.getOutputStream().write(PARTIAL_HEAD.getBytes(StandardCharsets.US_ASCII));
                closed.add(readers.submit(() -> closedByTheGateway(socket)));
            }
            for (Future<Boolean> each : closed) {
                assertThat(each.get()).isTrue();
            }
        }
        finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }

    @Test
    void servesAClientThatSendsItsHeadersAtOnceTwiceOnOneConnection() throws IOException {
        try (Socket socket = connect()) {
            for (int request = 0; request < 2; request++) {
                socket.getOutputStream().write((PARTIAL_HEAD + "\r\n").getBytes(StandardCharsets.US_ASCII));

                RawHttp.Answer response = RawHttp.read(socket.getInputStream());

                assertThat(response.status()).isEqualTo(200);
                assertThat(response.body()).isEqualTo("ok");
            }
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        socket.setSoTimeout(20_000);
        return socket;
    }

    /** Whether the gateway closed the connection (end of stream, or reset) before the socket's read timeout. */
    private static boolean closedByTheGateway(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        try {
            while (in.read() >= 0) {
                // whatever the gateway says before closing (it says nothing) does not count
            }
            return true;
        }
        catch (SocketTimeoutException stillOpen) {
            return false;
        }
        catch (SocketException reset) {
            return true;
        }
    }
}
