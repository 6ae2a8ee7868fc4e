package com.peptalk.automation.templates;

import com.peptalk.events.comms.Channel;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A named template of a company: a {@link Kind#LAYOUT} (the frame), a {@link Kind#COMPONENT} (a reusable part) or a
 * {@link Kind#MESSAGE} of one channel. Its content lives in immutable {@link TemplateVersion}s.
 */
@Entity
@Table(name = "templates")
class Template {

    enum Kind {
        LAYOUT, COMPONENT, MESSAGE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long companyId;
    private String name;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    @Enumerated(EnumType.STRING)
    private Channel channel;
    private Instant createdAt;

    protected Template() {
    }

    Template(long companyId, String name, Kind kind, Channel channel, Instant createdAt) {
        this.companyId = companyId;
        this.name = name;
        this.kind = kind;
        this.channel = channel;
        this.createdAt = createdAt;
    }

    Long id() {
        return id;
    }

    long companyId() {
        return companyId;
    }

    String name() {
        return name;
    }

    Kind kind() {
        return kind;
    }

    Channel channel() {
        return channel;
    }

    Instant createdAt() {
        return createdAt;
    }
}
