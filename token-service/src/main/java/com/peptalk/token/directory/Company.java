package com.peptalk.token.directory;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A company, the aggregate behind {@link CompanyView}; it never leaves this package. */
@Entity
@Table(name = "companies")
class Company {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;
    private String status;
    private Instant createdAt;
    private Instant updatedAt;

    protected Company() {
    }

    Company(String name, Instant now) {
        this.name = name;
        this.status = "active";
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Replaces the editable state; {@code updated_at} moves even when nothing else does, as a PUT was made. */
    void update(String name, String status, Instant now) {
        this.name = name;
        this.status = status;
        this.updatedAt = now;
    }

    void archive(Instant now) {
        update(name, CompanyView.ARCHIVED, now);
    }

    long id() {
        return id;
    }

    boolean archived() {
        return CompanyView.ARCHIVED.equals(status);
    }

    CompanyView view() {
        return new CompanyView(id, name, status, createdAt, updatedAt);
    }
}
