package com.peptalk.heartbeat.kiosks;

import com.peptalk.web.text.PlainText;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** {@code POST /api/heartbeats/kiosks}: a kiosk of a project (token-service's project id), with a name people read. */
public record RegisterKiosk(@NotNull @Positive Long projectId, @NotNull @PlainText @Size(max = 200) String name) {
}
