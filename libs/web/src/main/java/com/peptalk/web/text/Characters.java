package com.peptalk.web.text;

/**
 * What counts as a control character or as invisible in text that people type (names, search terms, messages).
 * Control characters are Unicode category Cc (C0, DEL, C1: NUL, ESC, BEL…), which no name needs and which
 * PostgreSQL refuses (NUL) or terminals interpret (ESC); line breaks and tabs are allowed only where a field is
 * multi-line. Invisible characters are whitespace and format characters (category Cf: zero-width space, joiners,
 * direction marks, BOM), which make a value look empty or alike another.
 */
public final class Characters {

    /** Whether the text holds a control character; with {@code lineBreaks}, TAB, LF and CR are allowed. */
    public static boolean hasControl(CharSequence text, boolean lineBreaks) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.getType(c) == Character.CONTROL && !(lineBreaks && (c == '\t' || c == '\n' || c == '\r'))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the text holds nothing visible: only whitespace and format characters (or nothing at all). */
    public static boolean isBlank(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && Character.getType(c) != Character.FORMAT
                    && Character.getType(c) != Character.CONTROL) {
                return false;
            }
        }
        return true;
    }

    private Characters() {
    }
}
