package com.peptalk.gateway.problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

import java.net.URI;

/**
 * The problem documents (RFC 9457) the gateway answers with itself. Their {@code type} URIs are stable: clients
 * may branch on them. Details are written for the caller and never carry an exception's message or stack trace.
 */
public final class Problems {

    public static final URI SERVICE_UNAVAILABLE = URI.create("https://peptalk.dev/problems/service-unavailable");
    public static final URI GATEWAY_TIMEOUT = URI.create("https://peptalk.dev/problems/gateway-timeout");
    public static final URI NOT_FOUND = URI.create("https://peptalk.dev/problems/not-found");
    public static final URI BAD_REQUEST = URI.create("https://peptalk.dev/problems/malformed-request");
    public static final URI INTERNAL_ERROR = URI.create("https://peptalk.dev/problems/internal-error");
    public static final URI UNAUTHORIZED = URI.create("https://peptalk.dev/problems/unauthorized");
    public static final URI FORBIDDEN = URI.create("https://peptalk.dev/problems/forbidden");
    public static final URI CROSS_SITE_REQUEST = URI.create("https://peptalk.dev/problems/cross-site-request");
    public static final URI TOO_MANY_REQUESTS = URI.create("https://peptalk.dev/problems/too-many-requests");
    public static final URI METHOD_NOT_ALLOWED = URI.create("https://peptalk.dev/problems/method-not-allowed");
    public static final URI METHOD_NOT_IMPLEMENTED =
            URI.create("https://peptalk.dev/problems/method-not-implemented");
    public static final URI URI_TOO_LONG = URI.create("https://peptalk.dev/problems/uri-too-long");
    public static final URI HEADER_FIELDS_TOO_LARGE =
            URI.create("https://peptalk.dev/problems/headers-too-large");
    /** The same type as token-service's 413: one name for one kind of refusal across the platform. */
    public static final URI PAYLOAD_TOO_LARGE = URI.create("https://peptalk.dev/problems/payload-too-large");

    /** A service could not be reached, refused the connection, or its circuit breaker is open. */
    public static ProblemDetail serviceUnavailable(String service) {
        ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, SERVICE_UNAVAILABLE, "Service unavailable",
                service + " is not available right now. Try again shortly.");
        problem.setProperty("service", service);
        return problem;
    }

    /** A service did not answer within {@code peptalk.gateway.response-timeout}. */
    public static ProblemDetail gatewayTimeout(String service) {
        ProblemDetail problem = problem(HttpStatus.GATEWAY_TIMEOUT, GATEWAY_TIMEOUT, "Gateway timeout",
                service + " did not answer in time. Try again shortly.");
        problem.setProperty("service", service);
        return problem;
    }

    /**
     * An admin route without a valid admin credential. The detail never says whether a key or token was
     * almost right, expired or unknown.
     */
    public static ProblemDetail unauthorized(boolean credentialGiven) {
        return problem(HttpStatus.UNAUTHORIZED, UNAUTHORIZED, "Unauthorized", credentialGiven
                ? "The admin credential is not valid (wrong, expired or revoked)."
                : "This path needs an admin credential: an admin API key (Authorization: Bearer <key>, or "
                        + "X-Api-Key) or a bearer token from the configured identity provider.");
    }

    /** A valid token from the identity provider that does not grant admin rights. */
    public static ProblemDetail forbidden(String requiredAuthority) {
        return problem(HttpStatus.FORBIDDEN, FORBIDDEN, "Forbidden",
                "The token does not grant " + requiredAuthority + ".");
    }

    /** A state-changing request, authenticated by the session cookie, that a browser sent from another site. */
    public static ProblemDetail crossSiteRequest() {
        return problem(HttpStatus.FORBIDDEN, CROSS_SITE_REQUEST, "Cross-site request refused",
                "The request came from another site (or did not say where from) and was refused.");
    }

    /** The client used up its rate limit; {@code Retry-After} says when to try again. */
    public static ProblemDetail tooManyRequests(long retryAfterSeconds) {
        return problem(HttpStatus.TOO_MANY_REQUESTS, TOO_MANY_REQUESTS, "Too many requests",
                "Too many requests from this client. Try again in " + retryAfterSeconds + " s.");
    }

    /** A request body over {@code peptalk.gateway.limits.max-body-size} (RFC 9110 §15.5.14). */
    public static ProblemDetail contentTooLarge(long maxBytes) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, PAYLOAD_TOO_LARGE, "Payload too large",
                "The request body must be at most " + maxBytes + " bytes.");
    }

    /** {@code TRACE} or {@code CONNECT}: known methods the gateway never serves (RFC 9110 §15.5.6). */
    public static ProblemDetail methodNotAllowed(String allowed) {
        return problem(HttpStatus.METHOD_NOT_ALLOWED, METHOD_NOT_ALLOWED, "Method not allowed",
                "The gateway serves " + allowed + ".");
    }

    /**
     * A method the gateway does not recognise (RFC 9110 §9.1, §15.6.2). The detail does not repeat the method: it
     * is whatever the caller wrote.
     */
    public static ProblemDetail methodNotImplemented(String allowed) {
        return problem(HttpStatus.NOT_IMPLEMENTED, METHOD_NOT_IMPLEMENTED, "Method not implemented",
                "The gateway serves " + allowed + " only.");
    }

    /** A request the gateway cannot read unambiguously; {@code detail} says what is wrong with it. */
    public static ProblemDetail badRequest(String detail) {
        return problem(HttpStatus.BAD_REQUEST, BAD_REQUEST, "Bad request", detail);
    }

    /** A request line over {@code peptalk.gateway.limits.max-request-line} (RFC 9110 §15.5.15). */
    public static ProblemDetail uriTooLong(long maxBytes) {
        return problem(HttpStatus.URI_TOO_LONG, URI_TOO_LONG, "URI too long",
                "The request line must be at most " + maxBytes + " bytes.");
    }

    /** Request headers over {@code peptalk.gateway.limits.max-header-size} (RFC 6585 §5). */
    public static ProblemDetail headerFieldsTooLarge(long maxBytes) {
        return problem(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, HEADER_FIELDS_TOO_LARGE,
                "Request header fields too large", "The request headers must be at most " + maxBytes + " bytes.");
    }

    public static ProblemDetail notFound() {
        return problem(HttpStatus.NOT_FOUND, NOT_FOUND, "Not found",
                "Nothing is served at this path.");
    }

    /**
     * Any other status. A client error keeps the framework's {@code detail} (it describes the request, e.g. which
     * methods are allowed); a server error gets a fixed one, the cause going to the log only.
     */
    public static ProblemDetail forStatus(HttpStatusCode status, String clientErrorDetail) {
        if (status.value() == HttpStatus.NOT_FOUND.value()) {
            return notFound();
        }
        if (status.is5xxServerError()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
                    "The gateway could not handle the request. Quote the request id when reporting it.");
            if (status.value() == HttpStatus.INTERNAL_SERVER_ERROR.value()) {
                problem.setType(INTERNAL_ERROR);
                problem.setTitle("Internal error");
            }
            return problem;
        }
        ProblemDetail problem = ProblemDetail.forStatus(status);
        if (status.value() == HttpStatus.CONTENT_TOO_LARGE.value()) {
            problem.setType(PAYLOAD_TOO_LARGE);
            problem.setTitle("Payload too large");
        }
        if (clientErrorDetail != null && !clientErrorDetail.isBlank()) {
            problem.setDetail(clientErrorDetail);
        }
        if (status.value() == HttpStatus.BAD_REQUEST.value()) {
            problem.setType(BAD_REQUEST);
            problem.setTitle("Bad request");
        }
        return problem;
    }

    private static ProblemDetail problem(HttpStatus status, URI type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return problem;
    }

    private Problems() {
    }
}
