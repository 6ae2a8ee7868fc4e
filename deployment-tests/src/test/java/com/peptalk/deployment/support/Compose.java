package com.peptalk.deployment.support;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code docker-compose.yml}, read the way Compose reads it (merge keys resolved, variables left as written). */
public final class Compose {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)(?::?([-?])([^}]*))?}");

    private final Map<String, Object> file;

    private Compose(Map<String, Object> file) {
        this.file = file;
    }

    private static Compose loaded;

    /** The file is read once per test run. */
    public static synchronized Compose load() {
        if (loaded == null) {
            loaded = new Compose(Project.yaml(path()));
        }
        return loaded;
    }

    public static Path path() {
        return Project.path("docker-compose.yml");
    }

    public Map<String, Object> file() {
        return file;
    }

    public Map<String, Object> services() {
        return Yml.mapAt(file, "docker-compose.yml", "services");
    }

    public Map<String, Object> service(String name) {
        return Yml.map(Yml.find(services(), name).orElseThrow(
                () -> new AssertionError("docker-compose.yml has no service " + name)), "service " + name);
    }

    /** The environment of a service as written (map or list form), variables not interpolated. */
    public Map<String, String> environment(String name) {
        Map<String, String> environment = new LinkedHashMap<>();
        Object raw = service(name).get("environment");
        if (raw instanceof Map<?, ?> map) {
            map.forEach((key, value) -> environment.put(String.valueOf(key), value == null ? "" : String.valueOf(value)));
        }
        else if (raw instanceof List<?> list) {
            for (Object entry : list) {
                String text = String.valueOf(entry);
                int equals = text.indexOf('=');
                environment.put(equals < 0 ? text : text.substring(0, equals), equals < 0 ? "" : text.substring(equals + 1));
            }
        }
        return environment;
    }

    /** The value Compose uses when no variable is set: {@code ${X:-default}} gives {@code default}. */
    public static String withDefaults(String value) {
        Matcher matcher = VARIABLE.matcher(value);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String replacement = "-".equals(matcher.group(2)) ? matcher.group(3) : "";
            matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    /** Whether the whole value is a variable reference, i.e. can be set from outside. */
    public static boolean isVariable(String value) {
        return VARIABLE.matcher(value.strip()).matches();
    }
}
