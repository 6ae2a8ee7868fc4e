package com.peptalk.deployment.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@code kustomization.yaml} read without Kustomize: the files it lists, the objects they hold and the
 * ConfigMaps and Secrets its generators make (with {@code behavior: merge/replace} over its bases). Good enough to
 * check what the manifests say; {@code kubectl kustomize} stays the reference for the rendered output.
 */
public final class Kustomization {

    /** Files do not change during a test run: each kustomization is read once. */
    private static final Map<Path, Kustomization> CACHE = new ConcurrentHashMap<>();

    private final Path directory;
    private final Map<String, Object> spec;
    private final Map<String, Map<String, Map<String, String>>> generated = new ConcurrentHashMap<>();
    private volatile List<Manifest> own;

    private Kustomization(Path directory, Map<String, Object> spec) {
        this.directory = directory;
        this.spec = spec;
    }

    public static Kustomization at(Path directory) {
        return CACHE.computeIfAbsent(directory.toAbsolutePath().normalize(), Kustomization::read);
    }

    private static Kustomization read(Path directory) {
        Path file = directory.resolve("kustomization.yaml");
        if (!Files.isRegularFile(file)) {
            throw new AssertionError(Project.root().relativize(directory) + " has no kustomization.yaml");
        }
        return new Kustomization(directory, Project.yaml(file));
    }

    public static Kustomization at(String relative) {
        return at(Project.path(relative));
    }

    public Path directory() {
        return directory;
    }

    public Map<String, Object> spec() {
        return spec;
    }

    public String where() {
        return Project.root().relativize(directory.resolve("kustomization.yaml")).toString();
    }

    public List<String> resources() {
        return Yml.listOrEmpty(spec, "resources").stream().map(String::valueOf).toList();
    }

    public List<Path> resourceFiles() {
        return resources().stream().map(directory::resolve).map(Path::normalize).filter(path -> !Files.isDirectory(path))
                .toList();
    }

    /** The bases and other kustomizations this one builds on (resources that are folders). */
    public List<Kustomization> bases() {
        List<Kustomization> bases = new ArrayList<>();
        for (String resource : resources()) {
            Path path = directory.resolve(resource).normalize();
            if (Files.isDirectory(path)) {
                bases.add(at(path));
            }
        }
        for (Object component : Yml.listOrEmpty(spec, "components")) {
            bases.add(at(directory.resolve(String.valueOf(component)).normalize()));
        }
        return bases;
    }

    /** Every file this kustomization names: resources, patches and the inputs of its generators. */
    public Set<Path> referencedFiles() {
        Set<Path> files = new LinkedHashSet<>(resourceFiles());
        for (Object patch : Yml.listOrEmpty(spec, "patches")) {
            Yml.find(patch, "path").ifPresent(path -> files.add(directory.resolve(String.valueOf(path)).normalize()));
        }
        for (Object patch : Yml.listOrEmpty(spec, "patchesJson6902")) {
            Yml.find(patch, "path").ifPresent(path -> files.add(directory.resolve(String.valueOf(path)).normalize()));
        }
        for (Object patch : Yml.listOrEmpty(spec, "patchesStrategicMerge")) {
            files.add(directory.resolve(String.valueOf(patch)).normalize());
        }
        for (String generatorKind : List.of("configMapGenerator", "secretGenerator")) {
            for (Object generator : Yml.listOrEmpty(spec, generatorKind)) {
                for (Object env : Yml.listOrEmpty(generator, "envs")) {
                    files.add(directory.resolve(String.valueOf(env)).normalize());
                }
                for (Object source : Yml.listOrEmpty(generator, "files")) {
                    files.add(directory.resolve(fileOf(String.valueOf(source))).normalize());
                }
            }
        }
        return files;
    }

    /** The objects of this kustomization's own files, as written (no transformation). */
    public List<Manifest> ownManifests() {
        List<Manifest> manifests = own;
        if (manifests == null) {
            manifests = readOwnManifests();
            own = manifests;
        }
        return manifests;
    }

    private List<Manifest> readOwnManifests() {
        List<Manifest> manifests = new ArrayList<>();
        for (Path file : resourceFiles()) {
            for (Map<String, Object> document : Project.yamlDocuments(file)) {
                manifests.add(new Manifest(file, document));
            }
        }
        return List.copyOf(manifests);
    }

    /** The objects of this kustomization and of every base it builds on, as written. */
    public List<Manifest> manifests() {
        List<Manifest> manifests = new ArrayList<>();
        for (Kustomization base : bases()) {
            manifests.addAll(base.manifests());
        }
        manifests.addAll(ownManifests());
        return manifests;
    }

    public List<Manifest> manifests(String kind) {
        return manifests().stream().filter(manifest -> manifest.kind().equals(kind)).toList();
    }

    public Manifest manifest(String kind, String name) {
        return manifests().stream().filter(manifest -> manifest.is(kind, name)).findFirst()
                .orElseThrow(() -> new AssertionError(where() + " (with its bases) has no " + kind + " " + name));
    }

    /** ConfigMaps by name with their data, after this kustomization's generators merged into its bases'. */
    public Map<String, Map<String, String>> configMaps() {
        return generated.computeIfAbsent("ConfigMap", kind -> generated("configMapGenerator", kind));
    }

    /** Secrets by name with their (plain) data, after this kustomization's generators. */
    public Map<String, Map<String, String>> secrets() {
        return generated.computeIfAbsent("Secret", kind -> generated("secretGenerator", kind));
    }

    private Map<String, Map<String, String>> generated(String generatorKind, String kind) {
        Map<String, Map<String, String>> result = new LinkedHashMap<>();
        for (Kustomization base : bases()) {
            base.generated(generatorKind, kind).forEach((name, data) -> {
                if (result.putIfAbsent(name, data) != null) {
                    throw new AssertionError(where() + ": two bases both make the " + kind + " " + name);
                }
            });
        }
        for (Manifest manifest : ownManifests()) {
            if (manifest.kind().equals(kind)) {
                Map<String, String> data = new LinkedHashMap<>();
                Yml.find(manifest.content(), "data").ifPresent(map -> Yml.map(map, manifest.where())
                        .forEach((key, value) -> data.put(key, String.valueOf(value))));
                Yml.find(manifest.content(), "stringData").ifPresent(map -> Yml.map(map, manifest.where())
                        .forEach((key, value) -> data.put(key, String.valueOf(value))));
                result.put(manifest.name(), data);
            }
        }
        for (Object generator : Yml.listOrEmpty(spec, generatorKind)) {
            String name = Yml.string(generator, where(), "name");
            String behavior = String.valueOf(Yml.find(generator, "behavior").orElse("create"));
            Map<String, String> data = new LinkedHashMap<>();
            for (Object env : Yml.listOrEmpty(generator, "envs")) {
                data.putAll(EnvFile.read(directory.resolve(String.valueOf(env))));
            }
            data.putAll(EnvFile.parse(Yml.listOrEmpty(generator, "literals").stream().map(String::valueOf).toList(),
                    where() + " " + name));
            for (Object source : Yml.listOrEmpty(generator, "files")) {
                String text = String.valueOf(source);
                Path file = directory.resolve(fileOf(text));
                String key = text.contains("=") ? text.substring(0, text.indexOf('=')) : file.getFileName().toString();
                data.put(key, Project.read(file));
            }
            switch (behavior) {
                case "create" -> {
                    if (result.putIfAbsent(name, data) != null) {
                        throw new AssertionError(where() + " creates the " + kind + " " + name
                                + " that a base already makes: use behavior: merge");
                    }
                }
                case "merge" -> {
                    Map<String, String> existing = result.get(name);
                    if (existing == null) {
                        throw new AssertionError(where() + " merges into the " + kind + " " + name
                                + " that no base makes");
                    }
                    Map<String, String> merged = new LinkedHashMap<>(existing);
                    merged.putAll(data);
                    result.put(name, merged);
                }
                case "replace" -> {
                    if (result.put(name, data) == null) {
                        throw new AssertionError(where() + " replaces the " + kind + " " + name
                                + " that no base makes");
                    }
                }
                default -> throw new AssertionError(where() + ": unknown behavior " + behavior);
            }
        }
        return result;
    }

    private static String fileOf(String source) {
        return source.contains("=") ? source.substring(source.indexOf('=') + 1) : source;
    }
}
