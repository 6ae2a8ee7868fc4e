package com.peptalk.automation.workflows;

import com.peptalk.events.comms.Channel;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/**
 * A workflow's definition as runs read it: {@code triggerType} and {@code condition}, or {@code cadence}; the
 * audience ({@code EVENT_PROJECT}: the trigger's project; {@code PROJECTS}: {@code projectIds}; {@code PROJECT_GROUP}:
 * the live members of {@code projectGroupId}) narrowed to contacts holding one of {@code roles}; the format; the
 * channels and the template version ids (row ids) for each; quiet hours and frequency cap (null when none).
 */
public record WorkflowPlan(UUID id, long companyId, String name, Status status, String triggerType, String condition,
        CadenceRule cadence, AudienceKind audienceKind, List<Long> projectIds, Long projectGroupId, List<String> roles,
        Format format, Channel channel, Channel fallbackChannel, long templateVersionId, Long fallbackVersionId,
        QuietHours quietHours, FrequencyCap frequencyCap, Instant createdAt, Instant updatedAt) {

    public WorkflowPlan {
        projectIds = projectIds == null ? List.of() : List.copyOf(projectIds);
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    /** Whether it runs. */
    public enum Status {
        ACTIVE, PAUSED
    }

    /** Which projects a run covers. */
    public enum AudienceKind {
        EVENT_PROJECT, PROJECTS, PROJECT_GROUP
    }

    /** One message per recipient and project, or one per recipient covering all of their projects. */
    public enum Format {
        PER_PROJECT, MULTI_PROJECT
    }

    /**
     * Local times (in the recipient's time zone, else the project's) between which nothing is sent: a message due
     * inside waits until {@code end}. {@code start} after {@code end} spans midnight (21:00 to 07:00).
     */
    public record QuietHours(LocalTime start, LocalTime end) {
    }

    /** At most {@code messages} to one recipient from this workflow within any {@code window}. */
    public record FrequencyCap(int messages, Duration window) {
    }
}
