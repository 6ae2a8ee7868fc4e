package com.peptalk.automation.templates;

import com.peptalk.automation.templates.TemplateEngines.CompiledPart;
import com.peptalk.events.comms.Channel;
import io.pebbletemplates.pebble.error.PebbleException;
import org.jsoup.Jsoup;

import java.util.EnumMap;
import java.util.Map;

/**
 * A message template version ready to render many times (a run parses it once): its parts compiled against the
 * layout and component versions it pinned. An email's text part, when the template has none, is derived from the
 * rendered HTML (its text, through jsoup).
 */
public final class MessageTemplate {

    private final long versionId;
    private final Channel channel;
    private final Map<Part, CompiledPart> parts;

    MessageTemplate(long versionId, Channel channel, TemplateParts sources, Map<String, TemplateVersion> pinned) {
        this.versionId = versionId;
        this.channel = channel;
        this.parts = new EnumMap<>(Part.class);
        sources.present().forEach((part, source) -> parts.put(part,
                TemplateEngines.compile(part, source, TemplateCompiler.sourcesOf(part, pinned))));
    }

    public long versionId() {
        return versionId;
    }

    public Channel channel() {
        return channel;
    }

    /**
     * Renders every part with these variables (see the README: {@code project}, {@code projects}, {@code recipient},
     * {@code workflow}, {@code event}).
     *
     * @throws RenderFailedException when the data lacks a variable the template uses (a payload field the trigger
     *         did not carry)
     */
    public RenderedMessage render(Map<String, Object> variables) {
        try {
            return renderParts(variables);
        }
        catch (PebbleException ex) {
            throw new RenderFailedException(ex.getPebbleMessage(), ex);
        }
    }

    private RenderedMessage renderParts(Map<String, Object> variables) {
        String subject = renderPart(Part.SUBJECT, variables);
        String html = renderPart(Part.HTML, variables);
        String text = renderPart(Part.TEXT, variables);
        if (text == null && html != null) {
            text = Jsoup.parse(html).text();
        }
        return new RenderedMessage(subject == null ? null : subject.strip(), html, text, renderPart(Part.SMS, variables));
    }

    private String renderPart(Part part, Map<String, Object> variables) {
        CompiledPart compiled = parts.get(part);
        return compiled == null ? null : TemplateCompiler.render(compiled, variables);
    }
}
