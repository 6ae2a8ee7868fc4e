package com.peptalk.automation.workflows;

import com.peptalk.events.comms.Channel;
import com.peptalk.web.text.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

/**
 * {@code POST} / {@code PUT /api/automation/workflows}: exactly one of {@code trigger} and {@code cadence}; the
 * rest as {@link WorkflowPlan} says. {@code status} defaults to ACTIVE, {@code format} to PER_PROJECT.
 */
record WorkflowRequest(@NotNull @Positive Long companyId, @NotNull @PlainText @Size(min = 1, max = 200) String name,
        WorkflowPlan.Status status, @Valid Trigger trigger, @Valid CadenceRule cadence, @NotNull @Valid Audience audience,
        WorkflowPlan.Format format, @NotNull Channel channel, Channel fallbackChannel,
        @NotNull @Valid TemplateVersion template, @Valid TemplateVersion fallbackTemplate, @Valid QuietHours quietHours,
        @Valid FrequencyCap frequencyCap) {

    /** The trigger type ({@code procore.observations.create}, {@code kiosk.offline}, {@code manual}…) and condition. */
    record Trigger(@NotNull @Size(max = 100) String type, @Size(max = Conditions.MAX_LENGTH) String condition) {
    }

    /** Whom: {@code kind}, the projects or group it needs, and the contact roles (such as {@code site_manager}). */
    record Audience(@NotNull WorkflowPlan.AudienceKind kind, @Size(max = 1000) List<@NotNull @Positive Long> projectIds,
            @Positive Long projectGroupId,
            @NotNull @Size(min = 1, max = 20) List<@NotNull @Pattern(regexp = "[a-z][a-z0-9_]{0,49}") String> roles) {
    }

    /** A template version: the template's id and the version's number. */
    record TemplateVersion(@NotNull @Positive Long templateId, @NotNull @Min(1) @Max(1_000_000) Integer version) {
    }

    /** Local times such as {@code 21:00} and {@code 07:00}. */
    record QuietHours(@NotNull LocalTime start, @NotNull LocalTime end) {
    }

    /** {@code messages} per recipient within {@code window} (ISO 8601, e.g. {@code PT1H}; 1 minute to 31 days). */
    record FrequencyCap(@NotNull @Min(1) @Max(1000) Integer messages, @NotNull Duration window) {
    }
}
