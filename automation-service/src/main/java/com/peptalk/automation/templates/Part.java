package com.peptalk.automation.templates;

/** The parts a template version may have; {@code field} is the API's name for it, used in errors. */
enum Part {
    SUBJECT("subject", false), HTML("bodyHtml", true), TEXT("bodyText", false), SMS("bodySms", false);

    private final String field;
    private final boolean html;

    Part(String field, boolean html) {
        this.field = field;
        this.html = html;
    }

    String field() {
        return field;
    }

    /** Whether the part is HTML, which Pebble escapes automatically (every other part is plain text). */
    boolean html() {
        return html;
    }
}
