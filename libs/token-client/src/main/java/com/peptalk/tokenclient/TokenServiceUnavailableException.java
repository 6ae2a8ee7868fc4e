package com.peptalk.tokenclient;

/** token-service did not answer and no unexpired cached answer exists for the token. */
public class TokenServiceUnavailableException extends RuntimeException {

    public TokenServiceUnavailableException(Throwable cause) {
        super("token-service is unavailable: " + cause.getClass().getSimpleName(), cause);
    }
}
