package com.peptalk.automation.templates;

import com.peptalk.events.comms.Channel;
import com.peptalk.web.text.PlainText;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.util.List;

/** The bodies of the template API. Parts are Pebble sources (see the README); each at most 100,000 characters. */
final class TemplateRequests {

    static final int MAX_PART = 100_000;

    /**
     * {@code POST /api/automation/templates}: a template and its version 1. {@code name} is unique in the company
     * and is how layouts and components are named in {@code {% extends %}} and {@code {% include %}}; {@code channel}
     * is required for a MESSAGE (EMAIL: {@code subject} and {@code bodyHtml}, {@code bodyText} optional; SMS:
     * {@code bodySms}).
     */
    record CreateTemplate(@NotNull @Positive Long companyId,
            @NotNull @Pattern(regexp = "[a-z0-9][a-z0-9_-]{0,63}") String name, @NotNull Template.Kind kind,
            Channel channel, @Size(max = 1000) String subject, @Size(max = MAX_PART) String bodyHtml,
            @Size(max = MAX_PART) String bodyText, @Size(max = MAX_PART) String bodySms,
            @Size(max = Variables.MAX_DECLARED) List<Variables.Declared> variables) {

        NewVersion version() {
            return new NewVersion(subject, bodyHtml, bodyText, bodySms, variables);
        }
    }

    /** {@code POST /api/automation/templates/{id}/versions}: the next version (earlier ones never change). */
    record NewVersion(@Size(max = 1000) String subject, @Size(max = MAX_PART) String bodyHtml,
            @Size(max = MAX_PART) String bodyText, @Size(max = MAX_PART) String bodySms,
            @Size(max = Variables.MAX_DECLARED) List<Variables.Declared> variables) {

        TemplateParts parts() {
            return new TemplateParts(subject, bodyHtml, bodyText, bodySms);
        }

        List<Variables.Declared> declared() {
            return variables == null ? List.of() : variables;
        }
    }

    private TemplateRequests() {
    }
}
