package com.peptalk.token.admin;

/** A page was asked for with a malformed parameter; shown as a 400 page with this message. */
class BadAdminRequest extends RuntimeException {

    BadAdminRequest(String message) {
        super(message);
    }
}
