package com.peptalk.automation.templates;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The admin page that previews a message template version with its sample data, server-rendered: the email as it
 * would render (its HTML in a sandboxed frame that runs no script), its text part, or the SMS with its encoding,
 * length and segment count. Reached through the gateway at the same path ({@code automation-preview} route).
 */
@Controller
@RequestMapping("/automation/templates")
class PreviewPage {

    private final TemplateService templates;

    PreviewPage(TemplateService templates) {
        this.templates = templates;
    }

    @GetMapping("/{id}/versions/{version}/preview")
    String preview(@PathVariable long id, @PathVariable int version, Model model) {
        TemplateViews.Preview preview = templates.preview(id, version);
        model.addAttribute("title", "Template " + id + ", version " + version);
        model.addAttribute("preview", preview);
        return "automation/preview";
    }
}
