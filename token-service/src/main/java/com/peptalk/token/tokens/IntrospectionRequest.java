package com.peptalk.token.tokens;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A token presented to another service, to be checked. Sent in a body, never in a URL, so it is not logged. */
public record IntrospectionRequest(@NotNull @Size(max = 256) String token) {

    @Override
    public String toString() {
        return "IntrospectionRequest[token=…]";
    }
}
