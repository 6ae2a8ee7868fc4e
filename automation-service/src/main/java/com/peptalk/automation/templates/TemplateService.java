package com.peptalk.automation.templates;

import com.peptalk.automation.refusals.InvalidInputException;
import com.peptalk.automation.refusals.NotFoundException;
import com.peptalk.automation.templates.TemplateRequests.CreateTemplate;
import com.peptalk.automation.templates.TemplateRequests.NewVersion;
import com.peptalk.automation.templates.TemplateViews.Preview;
import com.peptalk.automation.templates.TemplateViews.TemplateView;
import com.peptalk.automation.templates.TemplateViews.VersionView;
import com.peptalk.events.comms.Channel;
import com.peptalk.web.problem.Problems.FieldError;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Templates and their versions: every save compiles first and saves nothing when it does not compile; a version,
 * once saved, never changes.
 */
@Service
class TemplateService {

    private final TemplateRepository templates;
    private final TemplateVersionRepository versions;
    private final TemplateCompiler compiler;
    private final Templates loader;
    private final JsonMapper json;
    private final Clock clock;

    TemplateService(TemplateRepository templates, TemplateVersionRepository versions, TemplateCompiler compiler,
            Templates loader, JsonMapper json, Clock clock) {
        this.templates = templates;
        this.versions = versions;
        this.compiler = compiler;
        this.loader = loader;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public VersionView create(CreateTemplate request) {
        List<FieldError> errors = new ArrayList<>(shapeErrors(request.kind(), request.channel(), request.version()));
        if (templates.findByCompanyIdAndName(request.companyId(), request.name()).isPresent()) {
            errors.add(new FieldError("name", "is already the name of a template of this company"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Template template = templates.save(new Template(request.companyId(), request.name(), request.kind(),
                request.kind() == Template.Kind.MESSAGE ? request.channel() : null, clock.instant()));
        return saveVersion(template, 1, request.version());
    }

    @Transactional
    public VersionView addVersion(long templateId, NewVersion request) {
        Template template = templates.findById(templateId)
                .orElseThrow(() -> new NotFoundException("template", templateId));
        List<FieldError> errors = shapeErrors(template.kind(), template.channel(), request);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        int next = versions.findFirstByTemplateIdOrderByVersionDesc(templateId).map(TemplateVersion::version).orElse(0) + 1;
        return saveVersion(template, next, request);
    }

    @Transactional(readOnly = true)
    public TemplateView get(long id) {
        return templates.findById(id).map(this::view).orElseThrow(() -> new NotFoundException("template", id));
    }

    @Transactional(readOnly = true)
    public List<TemplateView> list(long companyId) {
        return templates.findByCompanyIdOrderById(companyId).stream().map(this::view).toList();
    }

    @Transactional(readOnly = true)
    public VersionView version(long templateId, int version) {
        return view(find(templateId, version));
    }

    /** Renders a message version with its sample data (the built-in samples and its declared payload samples). */
    @Transactional(readOnly = true)
    public Preview preview(long templateId, int version) {
        TemplateVersion found = find(templateId, version);
        Template template = templates.findById(templateId).orElseThrow();
        if (template.kind() != Template.Kind.MESSAGE) {
            throw new InvalidInputException("templateId", "only message templates render on their own; preview "
                    + "a message that uses this " + template.kind().name().toLowerCase(java.util.Locale.ROOT));
        }
        RenderedMessage rendered = loader.load(found.id()).render(Variables.sampleContext(declared(found)));
        return new Preview(templateId, version, template.channel(), rendered.subject(), rendered.html(), rendered.text(),
                rendered.sms(), rendered.sms() == null ? null : SmsSegments.of(rendered.sms()));
    }

    private TemplateVersion find(long templateId, int version) {
        return versions.findByTemplateIdAndVersion(templateId, version)
                .orElseThrow(() -> new NotFoundException("template version", templateId + "/" + version));
    }

    private VersionView saveVersion(Template template, int number, NewVersion request) {
        List<FieldError> variableErrors = Variables.check(request.declared());
        if (!variableErrors.isEmpty()) {
            throw new InvalidInputException(variableErrors);
        }
        Map<String, TemplateVersion> dependencies = loader.latestDependencies(template.companyId(), template.name());
        TemplateCompiler.Compilation compilation = compiler.compile(template.kind(), request.parts(),
                request.declared(), dependencies);
        if (!compilation.compiled()) {
            throw new InvalidInputException(compilation.errors());
        }
        return view(versions.save(new TemplateVersion(template.id(), number, request.parts(),
                json.writeValueAsString(request.declared()), json.writeValueAsString(compilation.pins()),
                clock.instant())));
    }

    /** Which parts a template of this kind and channel must and may have. */
    private static List<FieldError> shapeErrors(Template.Kind kind, Channel channel, NewVersion request) {
        List<FieldError> errors = new ArrayList<>();
        Map<Part, String> parts = request.parts().present();
        if (kind == Template.Kind.MESSAGE) {
            if (channel == null) {
                errors.add(new FieldError("channel", "is required for a message template (EMAIL or SMS)"));
            }
            else if (channel == Channel.EMAIL) {
                require(errors, parts, Part.SUBJECT, "an email needs a subject");
                require(errors, parts, Part.HTML, "an email needs an HTML body");
                refuse(errors, parts, Part.SMS, "an email template has no SMS body");
            }
            else {
                require(errors, parts, Part.SMS, "an SMS template needs its text");
                refuse(errors, parts, Part.SUBJECT, "an SMS has no subject");
                refuse(errors, parts, Part.HTML, "an SMS has no HTML body");
                refuse(errors, parts, Part.TEXT, "an SMS template's text is bodySms");
            }
        }
        else if (parts.isEmpty()) {
            errors.add(new FieldError("bodyHtml", "a layout or component needs at least one part"));
        }
        return errors;
    }

    private static void require(List<FieldError> errors, Map<Part, String> parts, Part part, String message) {
        if (!parts.containsKey(part)) {
            errors.add(new FieldError(part.field(), message));
        }
    }

    private static void refuse(List<FieldError> errors, Map<Part, String> parts, Part part, String message) {
        if (parts.containsKey(part)) {
            errors.add(new FieldError(part.field(), message));
        }
    }

    private TemplateView view(Template template) {
        return new TemplateView(template.id(), template.companyId(), template.name(), template.kind(),
                template.channel(), template.createdAt(), versions.findByTemplateIdOrderByVersion(template.id())
                        .stream().map(TemplateVersion::version).toList());
    }

    private VersionView view(TemplateVersion version) {
        Map<String, Long> pins = json.readValue(version.dependencies(), new TypeReference<Map<String, Long>>() { });
        Map<String, Integer> dependencies = new LinkedHashMap<>();
        versions.findByIdIn(pins.values()).forEach(pinned -> pins.forEach((name, id) -> {
            if (id.equals(pinned.id())) {
                dependencies.put(name, pinned.version());
            }
        }));
        TemplateParts parts = version.parts();
        return new VersionView(version.templateId(), version.version(), parts.subject(), parts.bodyHtml(),
                parts.bodyText(), parts.bodySms(), declared(version), dependencies, version.createdAt());
    }

    private List<Variables.Declared> declared(TemplateVersion version) {
        return json.readValue(version.variables(), new TypeReference<List<Variables.Declared>>() { });
    }
}
