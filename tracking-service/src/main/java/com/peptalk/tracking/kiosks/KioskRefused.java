package com.peptalk.tracking.kiosks;

import com.peptalk.web.problem.ProblemType;

/** A heartbeat post refused as a whole, for one of a closed set of reasons with fixed wording. */
class KioskRefused extends RuntimeException {

    enum Reason {
        NO_TOKEN(ProblemType.UNAUTHORIZED, "A kiosk token is required: Authorization: Bearer <token>."),
        INACTIVE_TOKEN(ProblemType.UNAUTHORIZED, "The kiosk token is unknown, revoked or expired."),
        NOT_A_KIOSK_TOKEN(ProblemType.FORBIDDEN, "Only a kiosk token may post heartbeats."),
        ANOTHER_KIOSK(ProblemType.FORBIDDEN, "A kiosk may only report for itself: kioskId is not this token's kiosk."),
        TOKENS_UNAVAILABLE(ProblemType.UNAVAILABLE, "The kiosk token could not be checked; nothing was recorded, try again."),
        BROKER_UNAVAILABLE(ProblemType.UNAVAILABLE, "The heartbeats could not be recorded; nothing was accepted, try again.");

        final ProblemType type;
        final String detail;

        Reason(ProblemType type, String detail) {
            this.type = type;
            this.detail = detail;
        }
    }

    final Reason reason;

    KioskRefused(Reason reason) {
        super(reason.detail, null, false, false);
        this.reason = reason;
    }
}
