package com.peptalk.automation.recipients;

import com.peptalk.events.comms.Channel;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/** A person who receives messages for the projects they belong to, in their roles, on the channels they opted in to. */
@Entity
@Table(name = "contacts")
class Contact {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long companyId;
    private String name;
    private String email;
    private String phone;
    @Enumerated(EnumType.STRING)
    private Channel preferredChannel;
    private String locale;
    private String timeZone;
    private boolean emailOptIn;
    private boolean smsOptIn;
    @ElementCollection
    @CollectionTable(name = "contact_roles", joinColumns = @JoinColumn(name = "contact_id"))
    @Column(name = "role")
    private Set<String> roles = new TreeSet<>();
    @ElementCollection
    @CollectionTable(name = "contact_projects", joinColumns = @JoinColumn(name = "contact_id"))
    @Column(name = "project_id")
    private Set<Long> projectIds = new TreeSet<>();
    private Instant createdAt;
    private Instant updatedAt;

    protected Contact() {
    }

    Contact(ContactFields fields, Instant now) {
        this.createdAt = now;
        update(fields, now);
    }

    void update(ContactFields fields, Instant now) {
        this.companyId = fields.companyId();
        this.name = fields.name();
        this.email = fields.email();
        this.phone = fields.phone();
        this.preferredChannel = fields.preferredChannel();
        this.locale = fields.locale();
        this.timeZone = fields.timeZone();
        this.emailOptIn = fields.emailOptIn();
        this.smsOptIn = fields.smsOptIn();
        this.roles = new TreeSet<>(fields.roles());
        this.projectIds = new TreeSet<>(fields.projectIds());
        this.updatedAt = now;
    }

    ContactView view() {
        return new ContactView(id, companyId, name, email, phone, roles.stream().sorted().toList(),
                projectIds.stream().sorted().toList(), preferredChannel, locale, timeZone, emailOptIn, smsOptIn,
                createdAt, updatedAt);
    }
}
