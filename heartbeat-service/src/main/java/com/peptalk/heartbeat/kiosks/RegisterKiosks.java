package com.peptalk.heartbeat.kiosks;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * {@code POST /api/heartbeats/kiosks/bulk}: several kiosks at once, all or none (at most
 * {@code peptalk.heartbeats.max-bulk}, checked by the registry; the hard ceiling here guards the parser).
 */
public record RegisterKiosks(@NotNull @NotEmpty @Size(max = 10_000) List<@NotNull @Valid RegisterKiosk> kiosks) {
}
