package com.peptalk.automation.refusals;

/** A resource named in the address does not exist: answered 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String resource, Object id) {
        super(resource + " " + id + " does not exist");
    }
}
