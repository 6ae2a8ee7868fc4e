package com.peptalk.token.directory;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.SortNatural;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A project group with its membership, the aggregate behind {@link ProjectGroupView}; it never leaves this
 * package. The members are project ids (another aggregate is referred to by id): changing the membership writes
 * only {@code project_group_members} rows and the group's {@code updated_at}.
 */
@Entity
@Table(name = "project_groups")
class ProjectGroup {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long companyId;
    private String name;
    private Instant createdAt;
    private Instant updatedAt;

    /** Loaded for a whole page of groups at once (the largest page is 200), not one query per group. */
    @ElementCollection
    @CollectionTable(name = "project_group_members", joinColumns = @JoinColumn(name = "project_group_id"))
    @Column(name = "project_id")
    @SortNatural
    @BatchSize(size = 200)
    private SortedSet<Long> projectIds = new TreeSet<>();

    protected ProjectGroup() {
    }

    ProjectGroup(long companyId, String name, Set<Long> projectIds, Instant now) {
        this.companyId = companyId;
        this.name = name;
        this.projectIds.addAll(projectIds);
        this.createdAt = now;
        this.updatedAt = now;
    }

    void rename(String name, Instant now) {
        this.name = name;
        this.updatedAt = now;
    }

    /** Makes {@code wanted} the exact membership. */
    void replaceProjects(Set<Long> wanted, Instant now) {
        projectIds.retainAll(wanted);
        projectIds.addAll(wanted);
        this.updatedAt = now;
    }

    long id() {
        return id;
    }

    long companyId() {
        return companyId;
    }

    String name() {
        return name;
    }

    /** A copy: the membership changes only through {@link #replaceProjects}. */
    SortedSet<Long> projectIds() {
        return new TreeSet<>(projectIds);
    }

    ProjectGroupView view() {
        return new ProjectGroupView(id, companyId, name, List.copyOf(projectIds), createdAt, updatedAt);
    }
}
