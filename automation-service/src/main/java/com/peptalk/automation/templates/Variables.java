package com.peptalk.automation.templates;

import com.peptalk.web.problem.Problems.FieldError;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The variables a template may use. Built in, always there: {@code project.id}, {@code project.name},
 * {@code project.time_zone}, {@code projects} (a list of such projects: the multi-project format's), {@code
 * recipient.name}, {@code recipient.first_name}, {@code recipient.email}, {@code recipient.phone},
 * {@code workflow.name}. Declared by the template: the trigger's payload fields, {@code event.<field>} (nested with
 * dots), each with a sample value for compilation and previews. Anything else is an undeclared variable.
 */
final class Variables {

    /** A variable the template declares, with the sample value previews show. */
    record Declared(String name, String sample) {
    }

    static final int MAX_DECLARED = 100;
    private static final Pattern EVENT_FIELD = Pattern.compile("event(\\.[a-z][a-z0-9_]{0,63}){1,4}");

    /** The built-in variables with their sample values. */
    static Map<String, Object> builtInSamples() {
        Map<String, Object> project = project(101, "Harbor Tower", "America/Chicago");
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("project", project);
        context.put("projects", List.of(project, project(102, "Riverside Clinic", "America/Denver")));
        context.put("recipient", Map.of("name", "Sam Ortiz", "first_name", "Sam",
                "email", "success@simulator.amazonses.com", "phone", "+15005550006"));
        context.put("workflow", Map.of("name", "Sample workflow"));
        context.put("event", Map.of());
        return context;
    }

    /** The project variables of one project, as templates see them. */
    static Map<String, Object> project(long id, String name, String timeZone) {
        return Map.of("id", id, "name", name, "time_zone", timeZone);
    }

    /** The errors of the declared variables ({@code variables[i].name}), none when they are all well formed. */
    static List<FieldError> check(List<Declared> declared) {
        List<FieldError> errors = new ArrayList<>();
        if (declared.size() > MAX_DECLARED) {
            errors.add(new FieldError("variables", "at most " + MAX_DECLARED + " variables"));
            return errors;
        }
        for (int i = 0; i < declared.size(); i++) {
            Declared variable = declared.get(i);
            if (variable == null || variable.name() == null || !EVENT_FIELD.matcher(variable.name()).matches()) {
                errors.add(new FieldError("variables[" + i + "].name", "must name a payload field such as "
                        + "event.observation_title (built-in variables need no declaring)"));
            }
            else if (variable.sample() != null && variable.sample().length() > 1000) {
                errors.add(new FieldError("variables[" + i + "].sample", "at most 1000 characters"));
            }
        }
        return errors;
    }

    /** The built-in samples plus the declared payload fields with their samples (or their own name). */
    static Map<String, Object> sampleContext(List<Declared> declared) {
        Map<String, Object> context = builtInSamples();
        Map<String, Object> event = new LinkedHashMap<>();
        for (Declared variable : declared) {
            String[] path = variable.name().split("\\.");
            Map<String, Object> node = event;
            for (int i = 1; i < path.length - 1; i++) {
                Object child = node.get(path[i]);
                if (!(child instanceof Map<?, ?>)) {
                    child = new LinkedHashMap<String, Object>();
                    node.put(path[i], child);
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> next = (Map<String, Object>) child;
                node = next;
            }
            node.putIfAbsent(path[path.length - 1], variable.sample() == null ? variable.name() : variable.sample());
        }
        context.put("event", event);
        return context;
    }

    private Variables() {
    }
}
