package com.peptalk.deployment.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The environment variable names that bind to a real setting of a service. Spring Boot silently ignores a
 * variable that binds to nothing, so a misspelled {@code PEPTALK_TOKENS_PUBLICBASEURL} in a manifest would only
 * show at run time; this index is built from the service's {@code application.yml} and from the
 * {@code @ConfigurationProperties} records (or classes) in its sources and in the libraries it uses.
 */
public final class SettingNames {

    private static final Pattern PROPERTIES = Pattern.compile(
            "@ConfigurationProperties\\(\\s*(?:(?:value|prefix)\\s*=\\s*)?\"([^\"]+)\"");
    private static final Pattern TYPE = Pattern.compile("\\b(record|class)\\s+(\\w+)");
    private static final Pattern FIELD = Pattern.compile(
            "^\\s*(?:private|protected|public)?\\s*(?!static)(?:final\\s+)?([\\w.]+(?:<[^;=]*>)?)\\s+(\\w+)\\s*(?:=[^;]*)?;",
            Pattern.MULTILINE);

    private static final Map<PeptalkService, SettingNames> CACHE = new ConcurrentHashMap<>();

    private final Set<String> exact = new LinkedHashSet<>();
    private final Set<String> prefixes = new LinkedHashSet<>();
    private final Set<String> declaredPrefixes = new LinkedHashSet<>();

    private SettingNames() {
    }

    public static SettingNames of(PeptalkService service) {
        return CACHE.computeIfAbsent(service, SettingNames::index);
    }

    private static SettingNames index(PeptalkService service) {
        SettingNames names = new SettingNames();
        List<Path> sourceRoots = new ArrayList<>();
        sourceRoots.add(service.moduleDirectory().resolve("src/main/java"));
        RootPom pom = RootPom.of(service.moduleDirectory().resolve("pom.xml"));
        if (pom.parentArtifactId().filter("peptalk-service-parent"::equals).isPresent()
                || pom.dependsOn("peptalk-events")) {
            sourceRoots.add(Project.path("libs/events/src/main/java"));
        }
        if (pom.parentArtifactId().filter("peptalk-service-parent"::equals).isPresent()) {
            // the web edge every servlet service gets from its parent (peptalk.web.*)
            sourceRoots.add(Project.path("libs/web/src/main/java"));
        }
        for (Path root : sourceRoots) {
            for (Path source : javaFiles(root)) {
                names.index(Project.read(source));
            }
        }
        // application.yml counts for what no properties type declares (Spring Boot's own settings, for
        // instance); under a declared prefix only the type counts, so a stale key in the file proves nothing
        for (String key : ServiceApplication.of(service).properties().keySet()) {
            String name = envName(key);
            if (names.declaredPrefixes.stream().noneMatch(prefix -> name.startsWith(prefix + "_"))) {
                names.exact.add(name);
            }
        }
        return names;
    }

    /** Whether Spring Boot binds this environment variable to something the service declares. */
    public boolean binds(String variable) {
        return exact.contains(variable) || prefixes.stream().anyMatch(variable::startsWith);
    }

    public Set<String> known() {
        return exact;
    }

    /** {@code peptalk.tokens.public-base-url} gives {@code PEPTALK_TOKENS_PUBLICBASEURL} (relaxed binding). */
    public static String envName(String property) {
        return property.replace("-", "").replace("[", ".").replace("]", "").replace('.', '_').toUpperCase(Locale.ROOT);
    }

    private void index(String source) {
        Matcher annotation = PROPERTIES.matcher(source);
        while (annotation.find()) {
            Matcher type = TYPE.matcher(source);
            if (type.find(annotation.end())) {
                declaredPrefixes.add(envName(annotation.group(1)));
                indexType(source, type.group(1), type.end(), envName(annotation.group(1)), 0);
            }
        }
    }

    private void indexType(String source, String kind, int afterName, String prefix, int depth) {
        if (depth > 5) {
            return;
        }
        List<String[]> members = kind.equals("record") ? recordComponents(source, afterName)
                : classFields(source, afterName);
        for (String[] member : members) {
            String type = member[0];
            String name = prefix + "_" + member[1].toUpperCase(Locale.ROOT);
            if (type.startsWith("Map<") || type.startsWith("java.util.Map<") || type.startsWith("List<")
                    || type.startsWith("Set<")) {
                exact.add(name);
                prefixes.add(name + "_");
                continue;
            }
            exact.add(name);
            Matcher nested = Pattern.compile("\\b(record|class)\\s+" + Pattern.quote(simpleName(type)) + "\\b")
                    .matcher(source);
            if (nested.find()) {
                indexType(source, nested.group(1), nested.end(), name, depth + 1);
            }
        }
    }

    private static String simpleName(String type) {
        String raw = type.replaceAll("<.*", "");
        return raw.substring(raw.lastIndexOf('.') + 1);
    }

    /** Type and name of each component of the record header that starts after {@code from}. */
    private static List<String[]> recordComponents(String source, int from) {
        int open = source.indexOf('(', from);
        List<String[]> components = new ArrayList<>();
        if (open < 0) {
            return components;
        }
        StringBuilder current = new StringBuilder();
        int depth = 0;
        for (int i = open + 1; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '"') {
                int end = endOfString(source, i);
                current.append(source, i, end + 1);
                i = end;
                continue;
            }
            if ((c == ')' || c == ',') && depth == 0) {
                addComponent(current.toString(), components);
                current.setLength(0);
                if (c == ')') {
                    break;
                }
                continue;
            }
            if (c == '(' || c == '<') {
                depth++;
            }
            else if (c == ')' || c == '>') {
                depth--;
            }
            current.append(c);
        }
        return components;
    }

    private static void addComponent(String text, List<String[]> components) {
        // drop annotations with their arguments, then "Type name" remains
        String plain = text.replaceAll("\"(?:\\\\.|[^\"\\\\])*\"", "\"\"")
                .replaceAll("@[\\w.]+(\\s*\\([^()]*\\))?", " ").replaceAll("\\s+", " ").strip();
        Matcher matcher = Pattern.compile("(\\S.*?)\\s+(\\w+)$").matcher(plain);
        if (matcher.find()) {
            components.add(new String[] { matcher.group(1).strip(), matcher.group(2) });
        }
    }

    private static List<String[]> classFields(String source, int from) {
        int open = source.indexOf('{', from);
        List<String[]> fields = new ArrayList<>();
        if (open < 0) {
            return fields;
        }
        // the class body up to its matching brace, without nested bodies (methods, nested types)
        StringBuilder body = new StringBuilder();
        int depth = 0;
        for (int i = open + 1; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '{') {
                depth++;
            }
            else if (c == '}') {
                if (depth == 0) {
                    break;
                }
                depth--;
            }
            else if (depth == 0) {
                body.append(c);
            }
        }
        Matcher field = FIELD.matcher(body.toString().replaceAll("@[\\w.]+(\\s*\\([^()]*\\))?", " "));
        while (field.find()) {
            if (!field.group(0).contains("static")) {
                fields.add(new String[] { field.group(1).strip(), field.group(2) });
            }
        }
        return fields;
    }

    private static int endOfString(String source, int start) {
        for (int i = start + 1; i < source.length(); i++) {
            if (source.charAt(i) == '\\') {
                i++;
            }
            else if (source.charAt(i) == '"') {
                return i;
            }
        }
        return source.length() - 1;
    }

    private static List<Path> javaFiles(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".java")).sorted().toList();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
