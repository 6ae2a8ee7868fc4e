package com.peptalk.automation.templates;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.template.PebbleTemplate;

import java.util.HashMap;
import java.util.Map;

/**
 * Pebble engines, one per compiled part (each over its own in-memory sources): strict variables (an unknown name is
 * an error, never an empty string), HTML auto-escaping for HTML parts, and a bound on rendered size so a template
 * cannot loop a run into exhaustion.
 */
final class TemplateEngines {

    /** The name of the template itself among the loader's sources. */
    static final String ROOT = "(this template)";
    /** Rendered output above this many characters is an error. */
    static final int MAX_RENDERED_CHARS = 512 * 1024;

    /** A part parsed by its own engine; {@code loader} tells, after a render, which layouts and components it used. */
    record CompiledPart(Part part, PebbleTemplate template, SourceLoader loader) {
    }

    /** Parses {@code source}; {@code dependencies} are the same part of the layouts and components it may name. */
    static CompiledPart compile(Part part, String source, Map<String, String> dependencies) {
        Map<String, String> sources = new HashMap<>(dependencies);
        sources.put(ROOT, source);
        SourceLoader loader = new SourceLoader(sources);
        PebbleEngine engine = new PebbleEngine.Builder().loader(loader).strictVariables(true)
                .autoEscaping(part.html()).newLineTrimming(false).maxRenderedSize(MAX_RENDERED_CHARS)
                .cacheActive(true).build();
        return new CompiledPart(part, engine.getTemplate(ROOT), loader);
    }

    private TemplateEngines() {
    }
}
