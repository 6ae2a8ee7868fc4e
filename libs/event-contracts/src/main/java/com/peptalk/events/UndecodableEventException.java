package com.peptalk.events;

/**
 * A record that can never be read: missing CloudEvents headers, an unknown type or a body that does not match
 * it. Retrying cannot help, so such records go straight to the dead-letter topic.
 */
public class UndecodableEventException extends RuntimeException {

    public UndecodableEventException(String message) {
        super(message);
    }

    public UndecodableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
