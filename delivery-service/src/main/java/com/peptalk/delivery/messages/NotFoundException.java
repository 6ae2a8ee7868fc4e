package com.peptalk.delivery.messages;

/** A resource named in the request does not exist; answered as the {@code not-found} problem. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String detail) {
        super(detail);
    }
}
