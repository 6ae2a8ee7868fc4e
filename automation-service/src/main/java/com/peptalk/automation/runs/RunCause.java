package com.peptalk.automation.runs;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

/**
 * What starts a run: a trigger (its id, type, project and payload) or a cadence occurrence (its instant and the time
 * zone whose projects it covers).
 */
public sealed interface RunCause {

    /** The run's {@code cause} as recorded and published: the trigger type, or {@code cadence}. */
    String name();

    /** A trigger: {@code projectId} may be null (a company-level Procore resource). */
    record Trigger(UUID id, String type, Long projectId, Map<String, Object> payload) implements RunCause {

        public Trigger {
            payload = payload == null ? Map.of() : payload;
        }

        @Override
        public String name() {
            return type;
        }
    }

    /** A cadence occurrence for the projects in {@code zone}. */
    record Occurrence(Instant at, ZoneId zone) implements RunCause {

        @Override
        public String name() {
            return "cadence";
        }
    }
}
