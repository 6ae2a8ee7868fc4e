package com.peptalk.token.web;

/** A request body grew past the configured limit while it was read. */
public class PayloadTooLargeException extends RuntimeException {

    private final long maxBytes;

    public PayloadTooLargeException(long maxBytes) {
        super("the body must be at most " + maxBytes + " bytes");
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    static String problemJson(long maxBytes) {
        return """
                {"type":"%s","title":"Payload too large","status":413,"detail":"the body must be at most %d bytes"}"""
                .formatted(Problems.TOO_LARGE, maxBytes);
    }
}
