package com.peptalk.token.directory;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A project, the aggregate behind {@link ProjectView}; it never leaves this package. Its company is referred to by
 * id, as another aggregate is: nothing is loaded through it.
 */
@Entity
@Table(name = "projects")
class Project {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long companyId;
    private String name;
    private String status;
    private String timeZone;
    private LocalDate startDate;
    private LocalDate completionDate;
    private Instant createdAt;
    private Instant updatedAt;

    protected Project() {
    }

    Project(long companyId, String name, String status, String timeZone, LocalDate startDate,
            LocalDate completionDate, Instant now) {
        this.companyId = companyId;
        this.name = name;
        this.status = status;
        this.timeZone = timeZone;
        this.startDate = startDate;
        this.completionDate = completionDate;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Replaces the editable state; {@code updated_at} moves even when nothing else does, as a PUT was made. */
    void update(String name, String status, String timeZone, LocalDate startDate, LocalDate completionDate,
            Instant now) {
        this.name = name;
        this.status = status;
        this.timeZone = timeZone;
        this.startDate = startDate;
        this.completionDate = completionDate;
        this.updatedAt = now;
    }

    void archive(Instant now) {
        this.status = ProjectView.ARCHIVED;
        this.updatedAt = now;
    }

    long id() {
        return id;
    }

    long companyId() {
        return companyId;
    }

    boolean archived() {
        return ProjectView.ARCHIVED.equals(status);
    }

    ProjectView view() {
        return new ProjectView(id, companyId, name, status, timeZone, startDate, completionDate, createdAt,
                updatedAt);
    }
}
