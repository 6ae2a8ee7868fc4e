package com.peptalk.automation.recipients;

import com.peptalk.events.comms.Channel;

import java.time.Instant;
import java.util.List;

/** A contact as the API shows it. */
record ContactView(long id, long companyId, String name, String email, String phone, List<String> roles,
        List<Long> projectIds, Channel preferredChannel, String locale, String timeZone, boolean emailOptIn,
        boolean smsOptIn, Instant createdAt, Instant updatedAt) {
}
