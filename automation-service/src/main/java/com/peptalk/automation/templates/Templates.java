package com.peptalk.automation.templates;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What workflows need of templates: finding a message version, and loading it ready to render. */
@Component
public class Templates {

    private final TemplateRepository templates;
    private final TemplateVersionRepository versions;
    private final JsonMapper json;

    Templates(TemplateRepository templates, TemplateVersionRepository versions, JsonMapper json) {
        this.templates = templates;
        this.versions = versions;
        this.json = json;
    }

    /** The version {@code version} of message template {@code templateId}, if both exist and it is a message. */
    @Transactional(readOnly = true)
    public Optional<TemplateRef> messageVersion(long templateId, int version) {
        return templates.findById(templateId).filter(template -> template.kind() == Template.Kind.MESSAGE)
                .flatMap(template -> versions.findByTemplateIdAndVersion(templateId, version)
                        .map(found -> new TemplateRef(found.id(), templateId, version, template.companyId(),
                                template.channel())));
    }

    /** The message version with this row id. */
    @Transactional(readOnly = true)
    public Optional<TemplateRef> messageVersion(long versionId) {
        return versions.findById(versionId).flatMap(found -> messageVersion(found.templateId(), found.version()));
    }

    /** The version compiled against the layout and component versions it pinned, ready to render many times. */
    @Transactional(readOnly = true)
    public MessageTemplate load(long versionId) {
        TemplateVersion version = versions.findById(versionId).orElseThrow();
        Template template = templates.findById(version.templateId()).orElseThrow();
        Map<String, Long> pins = json.readValue(version.dependencies(), new TypeReference<Map<String, Long>>() { });
        Map<String, TemplateVersion> pinned = new LinkedHashMap<>();
        List<TemplateVersion> found = versions.findByIdIn(pins.values());
        pins.forEach((name, id) -> found.stream().filter(candidate -> candidate.id().equals(id)).findFirst()
                .ifPresent(candidate -> pinned.put(name, candidate)));
        return new MessageTemplate(versionId, template.channel(), version.parts(), pinned);
    }

    /** The latest version of each layout and component of the company, by name (the template itself left out). */
    Map<String, TemplateVersion> latestDependencies(long companyId, String except) {
        Map<String, TemplateVersion> latest = new LinkedHashMap<>();
        for (Template template : templates.findByCompanyIdAndKindNot(companyId, Template.Kind.MESSAGE)) {
            if (!template.name().equals(except)) {
                versions.findFirstByTemplateIdOrderByVersionDesc(template.id())
                        .ifPresent(version -> latest.put(template.name(), version));
            }
        }
        return latest;
    }
}
