package com.peptalk.deployment.support;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code KEY=value} lines, as Kustomize reads the {@code envs} of a generator: {@code #} comments, blank lines. */
public final class EnvFile {

    private EnvFile() {
    }

    public static Map<String, String> read(Path file) {
        return parse(Project.read(file).lines().toList(), Project.root().relativize(file).toString());
    }

    public static Map<String, String> parse(List<String> lines, String where) {
        Map<String, String> entries = new LinkedHashMap<>();
        for (String line : lines) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int equals = trimmed.indexOf('=');
            if (equals <= 0) {
                throw new AssertionError(where + ": not KEY=value: " + line);
            }
            String key = trimmed.substring(0, equals);
            if (entries.put(key, trimmed.substring(equals + 1)) != null) {
                throw new AssertionError(where + ": " + key + " is set twice");
            }
        }
        return entries;
    }
}
