package com.peptalk.automation.templates;

import io.pebbletemplates.pebble.error.PebbleException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where in a source an error of Pebble's is, as line and column (1-based). Pebble reports the line; the column is
 * where the name or token its message quotes first appears on that line (1 when it quotes none).
 */
final class SourcePositions {

    private static final Pattern QUOTED = Pattern.compile("\\[([^\\]]{1,80})\\]|\"([^\"]{1,80})\"|'([^']{1,80})'");

    /** {@code line L, column C: message} for an error of the template itself, or naming the layout/component it is in. */
    static String describe(PebbleException ex, String source) {
        int line = ex.getLineNumber() == null || ex.getLineNumber() < 1 ? 1 : ex.getLineNumber();
        String message = ex.getPebbleMessage() == null ? "cannot be compiled" : ex.getPebbleMessage().strip();
        String file = ex.getFileName();
        if (file != null && !TemplateEngines.ROOT.equals(file)) {
            return "in \"" + file + "\", line " + line + ": " + message;
        }
        return "line " + line + ", column " + column(source, line, message) + ": " + message;
    }

    static int column(String source, int line, String message) {
        String[] lines = source.split("\n", -1);
        if (line > lines.length) {
            return 1;
        }
        String text = lines[line - 1];
        Matcher quoted = QUOTED.matcher(message);
        while (quoted.find()) {
            String token = quoted.group(1) != null ? quoted.group(1) : quoted.group(2) != null ? quoted.group(2) : quoted.group(3);
            int at = text.indexOf(token.strip());
            if (at >= 0) {
                return at + 1;
            }
        }
        return 1;
    }

    private SourcePositions() {
    }
}
