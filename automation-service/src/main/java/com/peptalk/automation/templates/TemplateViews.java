package com.peptalk.automation.templates;

import com.peptalk.events.comms.Channel;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the template API answers. */
final class TemplateViews {

    record TemplateView(long id, long companyId, String name, Template.Kind kind, Channel channel, Instant createdAt,
            List<Integer> versions) {
    }

    /** A version; {@code dependencies} names the layouts and components it pinned, with their version numbers. */
    record VersionView(long templateId, int version, String subject, String bodyHtml, String bodyText, String bodySms,
            List<Variables.Declared> variables, Map<String, Integer> dependencies, Instant createdAt) {
    }

    /** A version rendered with its sample data; {@code sms} carries the SMS's encoding, length and segments. */
    record Preview(long templateId, int version, Channel channel, String subject, String html, String text,
            String smsText, SmsSegments sms) {
    }

    private TemplateViews() {
    }
}
