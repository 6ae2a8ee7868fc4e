package com.peptalk.token.admin;

/** The page names something that does not exist; shown as a 404 page with this message. */
class AdminPageNotFound extends RuntimeException {

    AdminPageNotFound(String message) {
        super(message);
    }
}
