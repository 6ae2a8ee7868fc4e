package com.peptalk.automation.templates;

/** A template could not be rendered with the data given (a payload field it uses is missing); the message says which. */
public class RenderFailedException extends RuntimeException {

    public RenderFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
