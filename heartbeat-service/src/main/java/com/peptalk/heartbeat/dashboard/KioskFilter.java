package com.peptalk.heartbeat.dashboard;

import com.peptalk.events.kiosk.KioskStatus;

/**
 * Which kiosks to list: by project, by status, by a search in the name (or the exact kiosk id); a page of
 * {@code limit} from {@code offset}. Null means "any".
 */
public record KioskFilter(Long projectId, KioskStatus status, String search, int limit, int offset) {
}
