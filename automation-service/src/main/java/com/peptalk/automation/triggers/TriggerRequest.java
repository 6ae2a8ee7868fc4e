package com.peptalk.automation.triggers;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.util.Map;

/**
 * {@code POST /api/automation/triggers}: a trigger of {@code triggerType} (e.g. {@code manual}) for a project, with a
 * payload of at most 50 fields that conditions and templates ({@code event.<field>}) read.
 */
record TriggerRequest(@NotNull @Size(min = 1, max = 100) String triggerType, @NotNull @Positive Long projectId,
        @Size(max = 50) Map<@Size(max = 64) String, Object> payload) {
}
