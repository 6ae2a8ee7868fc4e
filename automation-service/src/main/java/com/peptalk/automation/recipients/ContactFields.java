package com.peptalk.automation.recipients;

import com.peptalk.events.comms.Channel;

import java.util.List;

/** A contact's editable state after validation and normalisation: phone in E.164, email lower-cased, roles trimmed. */
record ContactFields(long companyId, String name, String email, String phone, List<String> roles, List<Long> projectIds,
        Channel preferredChannel, String locale, String timeZone, boolean emailOptIn, boolean smsOptIn) {
}
