package com.peptalk.web.openapi;

import com.peptalk.web.edge.WebEdgeProperties;
import com.peptalk.web.idempotency.IdempotencyFilter;
import com.peptalk.web.problem.ProblemType;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

import java.util.Map;

/**
 * Every JSON API's OpenAPI document (springdoc, at {@code /v3/api-docs}) tells the truth about errors: a
 * {@code Problem} schema (RFC 9457, with {@code errors} naming fields) and, on every operation, the problem answers
 * the edge gives (400, 404, 405, 413, 414, 415, 431, 500), plus the {@code Idempotency-Key} header and its 409/422 on
 * every {@code POST}. Page routes and the error page are left out: they are not an API.
 */
@AutoConfiguration
@ConditionalOnClass(OpenApiCustomizer.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class OpenApiAutoConfiguration {

    static final String PROBLEM = "Problem";

    @Bean
    OpenApiCustomizer problemResponses(WebEdgeProperties edge) {
        return openApi -> {
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents().addSchemas(PROBLEM, problemSchema());
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().keySet().removeIf(path -> edge.isPage(path) || path.equals("/error"));
            openApi.getPaths().values().forEach(item -> describe(item));
        };
    }

    private static void describe(PathItem item) {
        item.readOperationsMap().forEach((method, operation) -> {
            add(operation, ProblemType.VALIDATION, "invalid parameters or body; errors names each field");
            add(operation, ProblemType.NOT_FOUND, "nothing at this address");
            add(operation, ProblemType.METHOD_NOT_ALLOWED, "the method is not supported here");
            add(operation, ProblemType.URI_TOO_LONG, "the request line is too long");
            add(operation, ProblemType.HEADERS_TOO_LARGE, "the header fields are too large");
            add(operation, ProblemType.INTERNAL, "an error on our side (logged)");
            if (method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT
                    || method == PathItem.HttpMethod.PATCH) {
                add(operation, ProblemType.TOO_LARGE, "the body is too large");
                add(operation, ProblemType.UNSUPPORTED_MEDIA_TYPE, "the body is not JSON");
            }
            if (method == PathItem.HttpMethod.POST) {
                operation.addParametersItem(new HeaderParameter().name(IdempotencyFilter.HEADER).required(false)
                        .description("Makes a retry safe (draft-ietf-httpapi-idempotency-key-header): the same key "
                                + "and request give the first answer again (with Idempotent-Replayed: true); the "
                                + "same key with another request gives 422; while the first runs, 409.")
                        .schema(new StringSchema().minLength(1).maxLength(255)));
                add(operation, ProblemType.IDEMPOTENCY_KEY_IN_USE, "a request with this Idempotency-Key is running");
                add(operation, ProblemType.IDEMPOTENCY_KEY_REUSED, "this Idempotency-Key was used for another request");
            }
        });
    }

    private static void add(Operation operation, ProblemType type, String description) {
        String code = Integer.toString(type.status().value());
        if (operation.getResponses() == null || operation.getResponses().containsKey(code)) {
            return;
        }
        operation.getResponses().addApiResponse(code, new ApiResponse().description(description + " (" + type.type()
                + ")").content(new Content().addMediaType("application/problem+json",
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        ObjectSchema field = new ObjectSchema();
        field.addProperty("field", new StringSchema().description("the field, parameter or header at fault"));
        field.addProperty("message", new StringSchema().description("why, in our words"));
        Schema<Object> problem = new ObjectSchema().description("RFC 9457 problem details; type is one of "
                + "https://peptalk.dev/problems/* (docs/problems.md)");
        problem.setProperties(new java.util.LinkedHashMap<>(Map.of(
                "type", new StringSchema().format("uri"),
                "title", new StringSchema(),
                "status", new IntegerSchema(),
                "detail", new StringSchema(),
                "errors", new io.swagger.v3.oas.models.media.ArraySchema().items(field))));
        return problem;
    }
}
