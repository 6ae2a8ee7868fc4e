package com.peptalk.gateway.routing;

import io.netty.handler.timeout.ReadTimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import java.io.IOException;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * What each route's circuit breaker leaves out of its count ({@code ignore-exception-predicate} in
 * {@code application.yml}): everything that is not the service's own failure. The service failed when the
 * connection did ({@link IOException} anywhere in the cause chain: refused, reset, closed before the answer, connect
 * timeout) or when it did not answer within the response timeout. Anything else that ends a call inside the breaker
 * is the gateway's own doing (a pool or client limit, a bug) and must not open a healthy service's circuit: it is
 * ignored, neither a failure nor a success.
 * <p>
 * The gateway's refusals (authentication, rate limit, body size, request shape) happen before the breaker and never
 * reach it; Spring Cloud's default Resilience4j bulkhead, whose "full" would be counted as a failure, is disabled
 * ({@code spring.cloud.circuitbreaker.bulkhead.resilience4j.enabled}). Public with a public constructor:
 * Resilience4j instantiates it by class name.
 */
public class NotAServiceFailure implements Predicate<Throwable> {

    @Override
    public boolean test(Throwable failure) {
        return !isServiceFailure(failure);
    }

    static boolean isServiceFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return true;
            }
        }
        return isTimeout(failure);
    }

    /**
     * A response timeout: Reactor Netty's ({@link ReadTimeoutException}, {@link UpstreamTimeouts}), or a 504
     * {@link ResponseStatusException} around a {@link TimeoutException} (Spring Cloud Gateway's own, should a route
     * set one in its metadata).
     */
    static boolean isTimeout(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ReadTimeoutException || cause instanceof TimeoutException
                    || cause instanceof ResponseStatusException status
                    && status.getStatusCode().value() == HttpStatus.GATEWAY_TIMEOUT.value()) {
                return true;
            }
        }
        return false;
    }
}
