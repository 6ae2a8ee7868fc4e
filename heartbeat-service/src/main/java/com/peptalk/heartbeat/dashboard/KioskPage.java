package com.peptalk.heartbeat.dashboard;

import java.util.List;

/** A page of the kiosk list and how many kiosks match in all. */
public record KioskPage(List<KioskRow> kiosks, long total, int limit, int offset) {
}
