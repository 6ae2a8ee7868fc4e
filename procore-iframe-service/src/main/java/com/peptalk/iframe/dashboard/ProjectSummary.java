package com.peptalk.iframe.dashboard;

/** A project as the pages name it. {@code timeZone} is an IANA zone id such as {@code America/Chicago}. */
public record ProjectSummary(long projectId, String name, String timeZone) {
}
