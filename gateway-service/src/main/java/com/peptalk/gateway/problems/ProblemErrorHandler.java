package com.peptalk.gateway.problems;

import com.peptalk.gateway.requestid.RequestIdFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Every error the gateway itself answers (no route, a refused path, a bug) becomes a problem document; the
 * stack trace goes to the log with the request id, never to the caller. Ordered before Boot's default handler,
 * which would answer its own JSON shape.
 */
@Component
@Order(-2)
class ProblemErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorHandler.class);

    private final ProblemResponses responses;

    ProblemErrorHandler(ProblemResponses responses) {
        this.responses = responses;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(failure);
        }
        HttpStatusCode status = failure instanceof ErrorResponse error ? error.getStatusCode()
                : HttpStatus.INTERNAL_SERVER_ERROR;
        if (status.is5xxServerError()) {
            log.error("{} {} failed with {} (request id {})", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath(), status.value(), RequestIdFilter.requestIdOf(exchange), failure);
        }
        String detail = failure instanceof ErrorResponse error ? error.getBody().getDetail() : null;
        return responses.write(exchange, Problems.forStatus(status, detail));
    }
}
