package com.peptalk.heartbeat.kiosks;

import com.peptalk.web.problem.ProblemType;

/** A kiosk request refused, for one of a closed set of reasons, each with fixed wording and problem type. */
public class KioskRefused extends RuntimeException {

    /** Why; {@code field} names the request field at fault, when one is. */
    public enum Reason {
        UNKNOWN_KIOSK(ProblemType.NOT_FOUND, null, "No kiosk has this id."),
        UNKNOWN_PROJECT(ProblemType.UNKNOWN_IDS, "projectId", "The project does not exist or is archived."),
        NO_TOKEN(ProblemType.NOT_FOUND, null, "The kiosk has no active token; register it again to issue one."),
        ALREADY_PAUSED(ProblemType.CONFLICT, null, "The kiosk is already paused."),
        NOT_PAUSED(ProblemType.CONFLICT, null, "The kiosk is not paused."),
        TOKENS_UNAVAILABLE(ProblemType.UNAVAILABLE, null,
                "token-service did not answer; nothing was registered, try again.");

        private final ProblemType type;
        private final String field;
        private final String detail;

        Reason(ProblemType type, String field, String detail) {
            this.type = type;
            this.field = field;
            this.detail = detail;
        }

        public ProblemType type() {
            return type;
        }

        public String field() {
            return field;
        }

        public String detail() {
            return detail;
        }
    }

    private final Reason reason;
    private final String field;

    public KioskRefused(Reason reason) {
        this(reason, reason.field());
    }

    /** Refused for {@code reason}, naming the field at fault where the request has several ({@code kiosks[3].projectId}). */
    public KioskRefused(Reason reason, String field) {
        super(reason.detail(), null, false, false);
        this.reason = reason;
        this.field = field;
    }

    public Reason reason() {
        return reason;
    }

    /** The request field at fault, or null. */
    public String field() {
        return field;
    }
}
