package com.peptalk.automation.runs;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A recorded run: what started it ({@code cause}, {@code triggerId} or {@code occurrenceAt}), its outcome
 * ({@code COMPLETED}, {@code SKIPPED} with {@code reason}, {@code FAILED} with {@code reason}), the projects it covered,
 * the audience size, the messages requested, and the recipients skipped or delayed by reason.
 */
public record RunRecord(UUID id, UUID workflowId, String cause, UUID triggerId, Instant occurrenceAt, String status,
        String reason, List<Long> projectIds, int audience, int messages, Skipped skipped, int delayedByQuietHours,
        Instant startedAt, Instant finishedAt) {

    /** Recipients who got nothing, by reason. */
    public record Skipped(int capped, int optedOut, int noAddress) {
    }
}
