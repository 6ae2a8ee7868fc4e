package com.peptalk.deployment.support;

import java.nio.file.Path;
import java.util.Map;

/** One Kubernetes object read from a file. */
public record Manifest(Path file, Map<String, Object> content) {

    public String apiVersion() {
        return Yml.string(content, where(), "apiVersion");
    }

    public String kind() {
        return Yml.string(content, where(), "kind");
    }

    public String name() {
        return Yml.string(content, where(), "metadata", "name");
    }

    public boolean is(String kind, String name) {
        return kind().equals(kind) && name().equals(name);
    }

    public String where() {
        return Project.root().relativize(file) + " (" + content.getOrDefault("kind", "?") + " "
                + Yml.find(content, "metadata", "name").orElse("?") + ")";
    }
}
