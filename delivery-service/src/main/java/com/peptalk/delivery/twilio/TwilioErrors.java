package com.peptalk.delivery.twilio;

import com.peptalk.delivery.sending.ProviderFailure;

import java.util.Set;

/**
 * Twilio error codes (twilio.com/docs/api/errors) and how delivery treats them. 21608 means a trial account tried an
 * unverified number: our configuration, not the recipient, so it is reported as such and never retried.
 */
final class TwilioErrors {

    /** The To number is not a valid phone number. */
    static final int INVALID_TO = 21211;
    /** Trial accounts may only send to verified numbers. */
    static final int TRIAL_UNVERIFIED = 21608;
    /** The recipient replied STOP: Twilio blocks sends until START. */
    static final int OPTED_OUT = 21610;
    /** The To number is not a mobile number. */
    static final int NOT_MOBILE = 21614;
    /** Too many requests (HTTP 429). */
    static final int TOO_MANY_REQUESTS = 20429;

    /** Account-side problems: bad credentials (20003), trial limits (21608), a sender we may not use (21606, 21212). */
    private static final Set<Integer> CONFIGURATION = Set.of(20003, 20404, TRIAL_UNVERIFIED, 21606, 21212, 21659);

    private TwilioErrors() {
    }

    static ProviderFailure.Kind kind(Integer httpStatus, Integer code) {
        if (httpStatus == null || httpStatus == 429 || httpStatus >= 500 || (code != null && code == TOO_MANY_REQUESTS)) {
            return ProviderFailure.Kind.TRANSIENT;
        }
        if (code != null && CONFIGURATION.contains(code)) {
            return ProviderFailure.Kind.CONFIGURATION;
        }
        return ProviderFailure.Kind.PERMANENT;
    }
}
