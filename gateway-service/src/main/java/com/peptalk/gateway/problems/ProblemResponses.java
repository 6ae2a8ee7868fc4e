package com.peptalk.gateway.problems;

import com.peptalk.gateway.requestid.RequestIdFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.List;
import java.util.function.Consumer;

/**
 * Renders a problem as {@code application/problem+json}, with the path the caller asked for as {@code instance}
 * and the request id as {@code requestId}, through the application's own JSON codec.
 */
@Component
public class ProblemResponses {

    private final ServerResponse.Context context;

    public ProblemResponses(ServerCodecConfigurer codecs) {
        List<HttpMessageWriter<?>> writers = codecs.getWriters();
        this.context = new ServerResponse.Context() {
            @Override
            public List<HttpMessageWriter<?>> messageWriters() {
                return writers;
            }

            @Override
            public List<ViewResolver> viewResolvers() {
                return List.of();
            }
        };
    }

    public Mono<ServerResponse> render(ServerWebExchange exchange, ProblemDetail problem) {
        return render(exchange, problem, headers -> {
        });
    }

    /** With headers of its own, such as {@code WWW-Authenticate} or {@code Retry-After}. */
    public Mono<ServerResponse> render(ServerWebExchange exchange, ProblemDetail problem,
            Consumer<HttpHeaders> headers) {
        URI instance = callersPath(exchange);
        if (instance != null) {
            problem.setInstance(instance);
        }
        String requestId = RequestIdFilter.requestIdOf(exchange);
        if (requestId != null) {
            problem.setProperty("requestId", requestId);
        }
        return ServerResponse.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .headers(headers)
                .bodyValue(problem);
    }

    public Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem) {
        return render(exchange, problem).flatMap(response -> response.writeTo(exchange, context));
    }

    public Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem, Consumer<HttpHeaders> headers) {
        return render(exchange, problem, headers).flatMap(response -> response.writeTo(exchange, context));
    }

    private static URI callersPath(ServerWebExchange exchange) {
        try {
            return URI.create(CallersPath.of(exchange));
        }
        catch (IllegalArgumentException | NullPointerException unusable) {
            return null; // instance is optional; a path that is no URI reference is left out
        }
    }
}
