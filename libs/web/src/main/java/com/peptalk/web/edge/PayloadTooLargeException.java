package com.peptalk.web.edge;

/**
 * A request body grew past {@link WebEdgeProperties#maxRequestBytes()} while it was read (a chunked body, or one
 * longer than it declared). The edge answers it with a 413 problem, wherever in the handling it surfaces.
 */
public class PayloadTooLargeException extends RuntimeException {

    public PayloadTooLargeException(long maxBytes) {
        super("the body must be at most " + maxBytes + " bytes");
    }
}
