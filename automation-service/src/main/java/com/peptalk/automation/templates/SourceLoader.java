package com.peptalk.automation.templates;

import io.pebbletemplates.pebble.error.LoaderException;
import io.pebbletemplates.pebble.loader.Loader;

import java.io.Reader;
import java.io.StringReader;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Pebble's loader over sources held in memory: the template being compiled or rendered, and the layouts and
 * components it may name in {@code {% extends %}} / {@code {% include %}}. Nothing is read from files or the class
 * path, so a template can reach nothing but its company's layouts and components. Records what was loaded, which is
 * what a compiled version pins.
 */
final class SourceLoader implements Loader<String> {

    private final Map<String, String> sources;
    private final Set<String> loaded = new LinkedHashSet<>();

    SourceLoader(Map<String, String> sources) {
        this.sources = Map.copyOf(sources);
    }

    Set<String> loaded() {
        return Set.copyOf(loaded);
    }

    @Override
    public Reader getReader(String name) {
        String source = sources.get(name);
        if (source == null) {
            throw new LoaderException(null, "no layout or component named \"" + name + "\" has this part");
        }
        loaded.add(name);
        return new StringReader(source);
    }

    @Override
    public void setCharset(String charset) {
    }

    @Override
    public void setPrefix(String prefix) {
    }

    @Override
    public void setSuffix(String suffix) {
    }

    @Override
    public String resolveRelativePath(String relativePath, String anchorPath) {
        return relativePath;
    }

    @Override
    public String createCacheKey(String templateName) {
        return templateName;
    }

    @Override
    public boolean resourceExists(String templateName) {
        return sources.containsKey(templateName);
    }
}
