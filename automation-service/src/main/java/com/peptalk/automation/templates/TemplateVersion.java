package com.peptalk.automation.templates;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;

/**
 * One compiled, immutable version of a template: its parts, the variables it declares (JSON list of
 * {@code {"name", "sample"}}) and the versions of the layouts and components it was compiled against (JSON map of
 * name to version id), so rendering it later gives what was previewed, whatever changed since.
 */
@Entity
@Immutable
@Table(name = "template_versions")
class TemplateVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long templateId;
    private int version;
    private String subject;
    private String bodyHtml;
    private String bodyText;
    private String bodySms;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private String variables;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private String dependencies;
    private Instant createdAt;

    protected TemplateVersion() {
    }

    TemplateVersion(long templateId, int version, TemplateParts parts, String variables, String dependencies,
            Instant createdAt) {
        this.templateId = templateId;
        this.version = version;
        this.subject = parts.subject();
        this.bodyHtml = parts.bodyHtml();
        this.bodyText = parts.bodyText();
        this.bodySms = parts.bodySms();
        this.variables = variables;
        this.dependencies = dependencies;
        this.createdAt = createdAt;
    }

    Long id() {
        return id;
    }

    long templateId() {
        return templateId;
    }

    int version() {
        return version;
    }

    TemplateParts parts() {
        return new TemplateParts(subject, bodyHtml, bodyText, bodySms);
    }

    String variables() {
        return variables;
    }

    String dependencies() {
        return dependencies;
    }

    Instant createdAt() {
        return createdAt;
    }
}
