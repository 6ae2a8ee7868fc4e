package com.peptalk.token.refusals;

/** The request contradicts the current state (a duplicate name, a token already revoked). */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
