package com.peptalk.automation.projects;

import java.time.ZoneId;

/** A live project as automation knows it: its name and the time zone its cadence rules and quiet hours follow. */
public record Project(long id, long companyId, String name, ZoneId timeZone) {
}
