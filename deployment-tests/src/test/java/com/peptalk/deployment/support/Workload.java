package com.peptalk.deployment.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A Deployment's pod and main container, with the environment its ConfigMaps and Secrets give it. */
public record Workload(Manifest deployment, Map<String, Map<String, String>> configMaps) {

    /** A value that comes from a Secret: {@code name} and {@code key}. */
    public record SecretRef(String name, String key) {
    }

    public Map<String, Object> podTemplate() {
        return Yml.mapAt(deployment.content(), where(), "spec", "template");
    }

    public Map<String, Object> podSpec() {
        return Yml.mapAt(podTemplate(), where(), "spec");
    }

    /** The container named like the Deployment. */
    public Map<String, Object> container() {
        for (Object container : Yml.listAt(podSpec(), where(), "containers")) {
            if (deployment.name().equals(Yml.string(container, where(), "name"))) {
                return Yml.map(container, where());
            }
        }
        throw new AssertionError(where() + " has no container named " + deployment.name());
    }

    /** A port number, or the number of a named container port. */
    public int resolvePort(Object port) {
        String text = String.valueOf(port);
        if (text.chars().allMatch(Character::isDigit)) {
            return Integer.parseInt(text);
        }
        for (Object declared : Yml.listOrEmpty(container(), "ports")) {
            if (text.equals(String.valueOf(Yml.find(declared, "name").orElse("")))) {
                return Integer.parseInt(Yml.string(declared, where(), "containerPort"));
            }
        }
        throw new AssertionError(where() + " refers to a port named " + text + " that its container does not declare");
    }

    /** Plain environment variables: from the ConfigMaps of {@code envFrom}, then {@code env} values. */
    public Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        for (Object source : Yml.listOrEmpty(container(), "envFrom")) {
            Yml.find(source, "configMapRef").ifPresent(reference -> {
                String name = Yml.string(reference, where(), "name");
                boolean optional = Boolean.parseBoolean(String.valueOf(Yml.find(reference, "optional").orElse("false")));
                Map<String, String> data = configMaps.get(name);
                if (data == null && !optional) {
                    throw new AssertionError(where() + " takes its environment from the ConfigMap " + name
                            + ", which is not made; made are " + configMaps.keySet());
                }
                if (data != null) {
                    environment.putAll(data);
                }
            });
        }
        for (Object variable : Yml.listOrEmpty(container(), "env")) {
            Yml.find(variable, "value").ifPresent(value -> environment.put(Yml.string(variable, where(), "name"),
                    String.valueOf(value)));
            Yml.find(variable, "valueFrom", "configMapKeyRef").ifPresent(reference -> {
                String map = Yml.string(reference, where(), "name");
                String key = Yml.string(reference, where(), "key");
                String value = configMaps.getOrDefault(map, Map.of()).get(key);
                if (value == null) {
                    throw new AssertionError(where() + " reads the missing key " + key + " of the ConfigMap " + map);
                }
                environment.put(Yml.string(variable, where(), "name"), value);
            });
        }
        return environment;
    }

    /** Environment variables read from Secrets. */
    public Map<String, SecretRef> secretEnvironment() {
        Map<String, SecretRef> secrets = new LinkedHashMap<>();
        for (Object variable : Yml.listOrEmpty(container(), "env")) {
            Yml.find(variable, "valueFrom", "secretKeyRef").ifPresent(reference -> secrets.put(
                    Yml.string(variable, where(), "name"),
                    new SecretRef(Yml.string(reference, where(), "name"), Yml.string(reference, where(), "key"))));
        }
        return secrets;
    }

    /** The Secrets mounted whole as environment ({@code envFrom.secretRef}). */
    public List<String> secretSources() {
        return Yml.listOrEmpty(container(), "envFrom").stream()
                .flatMap(source -> Yml.find(source, "secretRef", "name").stream()).map(String::valueOf).toList();
    }

    public String where() {
        return deployment.where();
    }
}
