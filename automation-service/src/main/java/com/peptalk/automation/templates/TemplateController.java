package com.peptalk.automation.templates;

import com.peptalk.automation.templates.TemplateRequests.CreateTemplate;
import com.peptalk.automation.templates.TemplateRequests.NewVersion;
import com.peptalk.automation.templates.TemplateViews.Preview;
import com.peptalk.automation.templates.TemplateViews.TemplateView;
import com.peptalk.automation.templates.TemplateViews.VersionView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/**
 * Templates: {@code /api/automation/templates}. Saving compiles (errors name the part, with line and column);
 * versions are immutable; a message version previews with its sample data.
 */
@RestController
@RequestMapping("/api/automation/templates")
class TemplateController {

    private final TemplateService templates;

    TemplateController(TemplateService templates) {
        this.templates = templates;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<VersionView> create(@Valid @RequestBody CreateTemplate request) {
        VersionView created = templates.create(request);
        return ResponseEntity.created(location(created)).body(created);
    }

    @PostMapping(path = "/{id}/versions", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<VersionView> addVersion(@PathVariable long id, @Valid @RequestBody NewVersion request) {
        VersionView created = templates.addVersion(id, request);
        return ResponseEntity.created(location(created)).body(created);
    }

    @GetMapping("/{id}")
    TemplateView get(@PathVariable long id) {
        return templates.get(id);
    }

    @GetMapping
    List<TemplateView> list(@RequestParam @Positive long companyId) {
        return templates.list(companyId);
    }

    @GetMapping("/{id}/versions/{version}")
    VersionView version(@PathVariable long id, @PathVariable @Min(1) @Max(1_000_000) int version) {
        return templates.version(id, version);
    }

    @GetMapping("/{id}/versions/{version}/preview")
    Preview preview(@PathVariable long id, @PathVariable @Min(1) @Max(1_000_000) int version) {
        return templates.preview(id, version);
    }

    private static URI location(VersionView version) {
        return URI.create("/api/automation/templates/" + version.templateId() + "/versions/" + version.version());
    }
}
