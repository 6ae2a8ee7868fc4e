package com.peptalk.automation.templates;

import com.peptalk.automation.templates.TemplateEngines.CompiledPart;
import com.peptalk.web.problem.Problems.FieldError;
import io.pebbletemplates.pebble.error.PebbleException;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compiles a template on save: every part is parsed by Pebble, and a message template is also rendered once with
 * sample data in strict mode, so a syntax error, a variable neither built in nor declared, and a layout or component
 * that does not exist (or lacks that part) are errors with line and column, before anything is saved. The layouts and
 * components a message used are pinned at their current versions.
 */
@Component
class TemplateCompiler {

    /** What compiling gave: the errors (none when it compiled) and the versions of what it used, by name. */
    record Compilation(List<FieldError> errors, Map<String, Long> pins) {

        boolean compiled() {
            return errors.isEmpty();
        }
    }

    Compilation compile(Template.Kind kind, TemplateParts parts, List<Variables.Declared> declared,
            Map<String, TemplateVersion> dependencies) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, Long> pins = new TreeMap<>();
        Map<String, Object> samples = Variables.sampleContext(declared);
        for (Map.Entry<Part, String> entry : parts.present().entrySet()) {
            Part part = entry.getKey();
            String source = entry.getValue();
            try {
                CompiledPart compiled = TemplateEngines.compile(part, source, sourcesOf(part, dependencies));
                if (kind == Template.Kind.MESSAGE) {
                    render(compiled, samples);
                    compiled.loader().loaded().stream().filter(name -> !TemplateEngines.ROOT.equals(name))
                            .forEach(name -> pins.put(name, dependencies.get(name).id()));
                }
            }
            catch (PebbleException ex) {
                errors.add(new FieldError(part.field(), SourcePositions.describe(ex, source)));
            }
            catch (RuntimeException ex) {
                errors.add(new FieldError(part.field(), "cannot be rendered with the sample data ("
                        + ex.getClass().getSimpleName() + ")"));
            }
        }
        return new Compilation(errors, pins);
    }

    /** The given part of each layout and component that has it, by name. */
    static Map<String, String> sourcesOf(Part part, Map<String, TemplateVersion> dependencies) {
        Map<String, String> sources = new LinkedHashMap<>();
        dependencies.forEach((name, version) -> {
            String source = version.parts().of(part);
            if (source != null) {
                sources.put(name, source);
            }
        });
        return sources;
    }

    static String render(CompiledPart compiled, Map<String, Object> context) {
        StringWriter out = new StringWriter();
        try {
            compiled.template().evaluate(out, context);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toString();
    }
}
