package com.peptalk.web.edge;

import org.springframework.web.util.HtmlUtils;

/** A small, self-contained, readable error page (no script, no external style) for page routes without a template. */
final class ErrorPageHtml {

    static String render(int status, String title, String message) {
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
                <title>%1$d %2$s</title></head>
                <body style="font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem">
                <h1>%2$s</h1><p>%3$s</p><p style="color:#666">Error %1$d</p></body></html>
                """.formatted(status, HtmlUtils.htmlEscape(title), HtmlUtils.htmlEscape(message));
    }

    /** A detail of ours as a page's sentence starts. */
    static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private ErrorPageHtml() {
    }
}
