package com.peptalk.automation.recipients;

import java.util.List;

/**
 * A contact a workflow reaches: how to reach them, what they opted in to, their own time zone (null for "the
 * project's") and the projects of the audience they belong to, in id order.
 */
public record AudienceMember(long contactId, String name, String email, String phone, boolean emailOptIn,
        boolean smsOptIn, String timeZone, String locale, List<Long> projectIds) {

    /** The first word of the name, for {@code recipient.first_name}. */
    public String firstName() {
        String stripped = name.strip();
        int space = stripped.indexOf(' ');
        return space < 0 ? stripped : stripped.substring(0, space);
    }
}
