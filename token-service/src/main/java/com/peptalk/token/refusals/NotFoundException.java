package com.peptalk.token.refusals;

/** A resource named in the request does not exist. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String resource, Object id) {
        super(resource + " " + id + " does not exist");
    }
}
