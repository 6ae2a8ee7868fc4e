package com.peptalk.web.problem;

import org.springframework.http.HttpStatus;

import java.net.URI;

/**
 * The platform's catalogue of problem types (RFC 9457 §3.1.1 {@code type}): one stable URI, title and status per
 * kind of error, used by every service (and mirrored by the gateway). The URIs identify a kind of error; they are
 * documented in {@code docs/problems.md}, they are not fetched. A new kind of error is added here and there, never
 * spelled by hand in a service.
 */
public enum ProblemType {

    /** A field or parameter has a value outside its rules; {@code errors} names each one. */
    VALIDATION("validation", "Invalid request", HttpStatus.BAD_REQUEST),
    /** The body is not JSON of the expected shape (syntax, a wrong type, an unknown field); the field is named. */
    MALFORMED("malformed-request", "Malformed request", HttpStatus.BAD_REQUEST),
    /** The resource in the address does not exist. */
    NOT_FOUND("not-found", "Not found", HttpStatus.NOT_FOUND),
    /** The method is not one the resource supports; {@code Allow} lists those it does. */
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", HttpStatus.METHOD_NOT_ALLOWED),
    /** The method is not one the platform knows at all (an invented method); refused before routing. */
    METHOD_NOT_IMPLEMENTED("method-not-implemented", "Method not implemented", HttpStatus.NOT_IMPLEMENTED),
    /** The answer cannot be given in a media type the {@code Accept} header allows. */
    NOT_ACCEPTABLE("not-acceptable", "Not acceptable", HttpStatus.NOT_ACCEPTABLE),
    /** The body's {@code Content-Type} is not one the endpoint reads. */
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", HttpStatus.UNSUPPORTED_MEDIA_TYPE),
    /** The body is larger than the configured limit, however it was framed. */
    TOO_LARGE("payload-too-large", "Payload too large", HttpStatus.CONTENT_TOO_LARGE),
    /** The request line (method, path and query) is longer than the configured limit. */
    URI_TOO_LONG("uri-too-long", "URI too long", HttpStatus.URI_TOO_LONG),
    /** The request's header fields together are larger than the configured limit. */
    HEADERS_TOO_LARGE("headers-too-large", "Request header fields too large",
            HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE),
    /** Ids named in the request do not exist; nothing was changed. */
    UNKNOWN_IDS("unknown-ids", "Unknown ids", HttpStatus.UNPROCESSABLE_CONTENT),
    /** The request contradicts the stored state (a duplicate, a reference in use). */
    CONFLICT("conflict", "Conflict", HttpStatus.CONFLICT),
    /** An {@code Idempotency-Key} was used before with another request (IETF draft-ietf-httpapi-idempotency-key-header). */
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", "Idempotency key reused", HttpStatus.UNPROCESSABLE_CONTENT),
    /** The first request with this {@code Idempotency-Key} is still being processed. */
    IDEMPOTENCY_KEY_IN_USE("idempotency-key-in-use", "Idempotency key in use", HttpStatus.CONFLICT),
    /** No valid credential came with the request. */
    UNAUTHORIZED("unauthorized", "Unauthorized", HttpStatus.UNAUTHORIZED),
    /** The credential is valid but does not allow this request. */
    FORBIDDEN("forbidden", "Forbidden", HttpStatus.FORBIDDEN),
    /** A browser request that came from another site (a missing or foreign {@code Origin}) was refused. */
    CROSS_SITE_REQUEST("cross-site-request", "Cross-site request refused", HttpStatus.FORBIDDEN),
    /** Too many requests from this client; {@code Retry-After} says when to try again. */
    RATE_LIMITED("too-many-requests", "Too many requests", HttpStatus.TOO_MANY_REQUESTS),
    /** Something failed on our side; it was logged. */
    INTERNAL("internal-error", "Internal error", HttpStatus.INTERNAL_SERVER_ERROR),
    /** A service this request needs is not available; {@code Retry-After} may say when to try again. */
    UNAVAILABLE("service-unavailable", "Service unavailable", HttpStatus.SERVICE_UNAVAILABLE),
    /** A service this request needs did not answer in time. */
    TIMEOUT("gateway-timeout", "Gateway timeout", HttpStatus.GATEWAY_TIMEOUT);

    /** Where every problem type URI starts. */
    public static final String BASE = "https://peptalk.dev/problems/";

    private final URI type;
    private final String title;
    private final HttpStatus status;

    ProblemType(String slug, String title, HttpStatus status) {
        this.type = URI.create(BASE + slug);
        this.title = title;
        this.status = status;
    }

    public URI type() {
        return type;
    }

    public String title() {
        return title;
    }

    public HttpStatus status() {
        return status;
    }

    /**
     * The problem type a plain HTTP status stands for when nothing more precise is known (container refusals,
     * missing handlers): 4xx without a type of its own become {@link #MALFORMED}, 5xx {@link #INTERNAL}.
     */
    public static ProblemType forStatus(int status) {
        for (ProblemType candidate : values()) {
            if (candidate.status.value() == status && candidate != IDEMPOTENCY_KEY_REUSED
                    && candidate != IDEMPOTENCY_KEY_IN_USE && candidate != VALIDATION
                    && candidate != CROSS_SITE_REQUEST && candidate != UNKNOWN_IDS) {
                return candidate;
            }
        }
        return status >= 500 ? INTERNAL : MALFORMED;
    }
}
