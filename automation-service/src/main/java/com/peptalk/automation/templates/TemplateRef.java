package com.peptalk.automation.templates;

import com.peptalk.events.comms.Channel;

/** A message template version as workflows point at it: its row id, its template and number, company and channel. */
public record TemplateRef(long versionId, long templateId, int version, long companyId, Channel channel) {
}
