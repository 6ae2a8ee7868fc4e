package com.peptalk.token.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.net.URI;

/** The stable problem types of this service's API (RFC 9457): one URI per kind of error. */
public final class Problems {

    public static final URI VALIDATION = type("validation");
    public static final URI MALFORMED = type("malformed-request");
    public static final URI NOT_FOUND = type("not-found");
    public static final URI UNKNOWN_IDS = type("unknown-ids");
    public static final URI CONFLICT = type("conflict");
    public static final URI TOO_LARGE = type("payload-too-large");
    public static final URI INTERNAL = type("internal");

    public static ProblemDetail of(HttpStatus status, URI type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return problem;
    }

    private static URI type(String name) {
        return URI.create("https://peptalk.dev/problems/" + name);
    }

    private Problems() {
    }
}
