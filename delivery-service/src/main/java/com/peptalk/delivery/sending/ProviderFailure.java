package com.peptalk.delivery.sending;

import java.util.Map;

/**
 * A provider did not accept a message. {@link Kind#TRANSIENT} failures (throttling, 5xx, timeouts) are retried with
 * back-off and count against the provider's circuit; {@link Kind#PERMANENT} ones (an invalid or opted-out address)
 * and {@link Kind#CONFIGURATION} ones (our account or settings are wrong, e.g. Twilio 21608) are neither retried nor
 * counted against the circuit, and send the message to its fallback channel.
 */
public class ProviderFailure extends RuntimeException {

    /** Whether trying again can help. */
    public enum Kind {
        TRANSIENT, PERMANENT, CONFIGURATION
    }

    private final Kind kind;
    private final String code;
    private final transient Map<String, Object> requestSummary;

    /**
     * @param kind how to treat it
     * @param code the provider's code (SES error type, Twilio error code, {@code timeout}), never a secret
     * @param reason a short human reason, never a secret
     * @param requestSummary what was asked, as the timeline shows it
     */
    public ProviderFailure(Kind kind, String code, String reason, Map<String, Object> requestSummary) {
        super(reason, null, false, false);
        this.kind = kind;
        this.code = code;
        this.requestSummary = Map.copyOf(requestSummary);
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public String reason() {
        return getMessage();
    }

    public Map<String, Object> requestSummary() {
        return requestSummary;
    }

    /** Only transient failures are retried and open a circuit: the Resilience4j predicate of {@code application.yml}. */
    public static final class IsTransient implements java.util.function.Predicate<Throwable> {
        @Override
        public boolean test(Throwable failure) {
            return failure instanceof ProviderFailure provider && provider.kind == Kind.TRANSIENT;
        }
    }
}
