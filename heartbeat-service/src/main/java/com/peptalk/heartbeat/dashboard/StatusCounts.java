package com.peptalk.heartbeat.dashboard;

import com.peptalk.events.kiosk.KioskStatus;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Kiosks by status, overall and per project (projects with the most kiosks down first).
 *
 * @param overall every status with its count, zeros included
 */
public record StatusCounts(Map<KioskStatus, Long> overall, List<ProjectCounts> projects) {

    /** One project's kiosks by status, zeros included. */
    public record ProjectCounts(long projectId, Map<KioskStatus, Long> counts, long total) {
    }

    static Map<KioskStatus, Long> zeros() {
        Map<KioskStatus, Long> counts = new EnumMap<>(KioskStatus.class);
        for (KioskStatus status : KioskStatus.values()) {
            counts.put(status, 0L);
        }
        return counts;
    }
}
