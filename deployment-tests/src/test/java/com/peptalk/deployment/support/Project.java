package com.peptalk.deployment.support;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The repository the tests read: its root, and YAML files parsed the way Compose and Kustomize read them. */
public final class Project {

    private Project() {
    }

    /** The repository root: set by the build ({@code peptalk.root}), else the parent of the working directory. */
    public static Path root() {
        String configured = System.getProperty("peptalk.root");
        Path root = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath().getParent();
        return root.toAbsolutePath().normalize();
    }

    public static Path path(String relative) {
        return root().resolve(relative);
    }

    public static String read(Path file) {
        try {
            return Files.readString(file);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot read " + root().relativize(file), ex);
        }
    }

    /** Every non-empty document of a YAML file; YAML merge keys ({@code <<}) are resolved. */
    public static List<Map<String, Object>> yamlDocuments(Path file) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : yaml().loadAll(read(file))) {
            if (document != null) {
                documents.add(Yml.map(document, root().relativize(file).toString()));
            }
        }
        return documents;
    }

    /** The one document of a YAML file. */
    public static Map<String, Object> yaml(Path file) {
        List<Map<String, Object>> documents = yamlDocuments(file);
        if (documents.size() != 1) {
            throw new IllegalStateException(root().relativize(file) + " has " + documents.size() + " documents, not 1");
        }
        return documents.getFirst();
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        return new Yaml(new SafeConstructor(options));
    }
}
