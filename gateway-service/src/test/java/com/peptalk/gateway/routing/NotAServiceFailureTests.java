package com.peptalk.gateway.routing;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.netty.handler.timeout.ReadTimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import java.io.IOException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

class NotAServiceFailureTests {

    private final NotAServiceFailure ignored = new NotAServiceFailure();

    @Test
    void countsAFailedConnectionAndAResponseTimeoutAgainstTheService() {
        assertThat(ignored.test(new ConnectException("Connection refused"))).isFalse();
        assertThat(ignored.test(new IllegalStateException("retries exhausted", new IOException("reset")))).isFalse();
        assertThat(ignored.test(new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT, "slow",
                new TimeoutException()))).isFalse();
        assertThat(ignored.test(ReadTimeoutException.INSTANCE)).isFalse();
        assertThat(NotAServiceFailure.isTimeout(ReadTimeoutException.INSTANCE)).isTrue();
    }

    @Test
    void leavesTheGatewaysOwnFailuresOutOfTheCount() {
        assertThat(ignored.test(BulkheadFullException.createBulkheadFullException(Bulkhead.ofDefaults("x"))))
                .isTrue();
        assertThat(ignored.test(new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE))).isTrue();
        assertThat(ignored.test(new IllegalStateException("a bug"))).isTrue();
    }
}
