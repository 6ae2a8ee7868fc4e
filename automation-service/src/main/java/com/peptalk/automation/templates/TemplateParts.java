package com.peptalk.automation.templates;

import java.util.EnumMap;
import java.util.Map;

/** The sources of a template's parts; absent parts are null. */
record TemplateParts(String subject, String bodyHtml, String bodyText, String bodySms) {

    /** The parts present, by part. */
    Map<Part, String> present() {
        Map<Part, String> parts = new EnumMap<>(Part.class);
        put(parts, Part.SUBJECT, subject);
        put(parts, Part.HTML, bodyHtml);
        put(parts, Part.TEXT, bodyText);
        put(parts, Part.SMS, bodySms);
        return parts;
    }

    String of(Part part) {
        return present().get(part);
    }

    private static void put(Map<Part, String> parts, Part part, String source) {
        if (source != null && !source.isBlank()) {
            parts.put(part, source);
        }
    }
}
