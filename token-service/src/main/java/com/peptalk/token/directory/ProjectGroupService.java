package com.peptalk.token.directory;

import com.peptalk.events.directory.ProjectGroupDeleted;
import com.peptalk.events.directory.ProjectGroupMembershipChanged;
import com.peptalk.events.directory.ProjectGroupUpserted;
import com.peptalk.events.runtime.EventOutbox;
import com.peptalk.events.tokens.ApiTokenType;
import com.peptalk.token.tokens.ApiTokens;
import com.peptalk.token.web.ConflictException;
import com.peptalk.token.web.NotFoundException;
import com.peptalk.token.web.UnknownIdsException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Project groups: a company's named sets of its own projects (a project may be in several). Unlike the other
 * directory resources a group is really deleted, its membership with it. Every change of one group takes its row
 * for update first, so concurrent membership changes are applied, and published, one after the other.
 */
@Service
public class ProjectGroupService {

    private final JdbcClient jdbc;
    private final EventOutbox outbox;
    private final ActiveCompanies companies;
    private final ApiTokens tokens;

    ProjectGroupService(JdbcClient jdbc, EventOutbox outbox, ActiveCompanies companies, ApiTokens tokens) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.companies = companies;
        this.tokens = tokens;
    }

    @Transactional
    public ProjectGroupView create(CreateProjectGroup request) {
        companies.require(request.companyId());
        SortedSet<Long> projectIds = requireProjectsOf(request.companyId(), request.projectIds());
        String name = request.name().strip();
        long id;
        try {
            id = jdbc.sql("insert into project_groups (company_id, name) values (:companyId, :name) returning id")
                    .param("companyId", request.companyId()).param("name", name).query(Long.class).single();
        }
        catch (DuplicateKeyException ex) {
            throw duplicateName(request.companyId(), name);
        }
        addMembers(id, projectIds);
        ProjectGroupView group = get(id);
        outbox.append(upserted(group));
        return group;
    }

    @Transactional(readOnly = true)
    public ProjectGroupView get(long id) {
        return jdbc.sql("select " + ProjectGroupView.COLUMNS + " from project_groups where id = :id")
                .param("id", id).query(ProjectGroupView.ROWS).optional()
                .orElseThrow(() -> new NotFoundException("project group", id));
    }

    @Transactional
    public ProjectGroupView rename(long id, RenameProjectGroup request) {
        ProjectGroupView before = lock(id);
        String name = request.name().strip();
        try {
            jdbc.sql("update project_groups set name = :name, updated_at = now() where id = :id")
                    .param("id", id).param("name", name).update();
        }
        catch (DuplicateKeyException ex) {
            throw duplicateName(before.companyId(), name);
        }
        ProjectGroupView group = get(id);
        outbox.append(upserted(group));
        return group;
    }

    /** Deletes the group and its membership; the projects stay. */
    @Transactional
    public void delete(long id) {
        ProjectGroupView group = lock(id);
        jdbc.sql("delete from project_groups where id = :id").param("id", id).update();
        outbox.append(new ProjectGroupDeleted(id, group.companyId()));
        // the group's token must stop working now, and caches must hear it (token.events)
        tokens.revokeAllOf(ApiTokenType.PROJECT_GROUP, id);
    }

    /** Makes {@code projectIds} the group's exact membership. */
    @Transactional
    public ProjectGroupView replaceProjects(long id, List<Long> projectIds) {
        ProjectGroupView group = lock(id);
        SortedSet<Long> wanted = requireProjectsOf(group.companyId(), projectIds);
        return changeMembership(group, wanted);
    }

    /** Adds projects to the group; those already in it stay as they are. */
    @Transactional
    public ProjectGroupView addProjects(long id, List<Long> projectIds) {
        ProjectGroupView group = lock(id);
        SortedSet<Long> wanted = requireProjectsOf(group.companyId(), projectIds);
        wanted.addAll(group.projectIds());
        return changeMembership(group, wanted);
    }

    /** Takes a project out of the group; a project that is not in it is a no-op, as repeating a DELETE should be. */
    @Transactional
    public ProjectGroupView removeProject(long id, long projectId) {
        ProjectGroupView group = lock(id);
        SortedSet<Long> wanted = new TreeSet<>(group.projectIds());
        wanted.remove(projectId);
        return changeMembership(group, wanted);
    }

    @Transactional(readOnly = true)
    public Page<ProjectGroupView> list(ProjectGroupFilter filter, PageRequest page) {
        return new Filters()
                .with("company_id = :companyId", "companyId", filter.companyId())
                .with("strpos(lower(name), lower(:q)) > 0", "q", filter.q())
                .with("id in (select project_group_id from project_group_members where project_id = :projectId)",
                        "projectId", filter.projectId())
                .page(jdbc, ProjectGroupView.COLUMNS, "project_groups", page, ProjectGroupView.ROWS);
    }

    /** Applies the difference and publishes it with the membership after it; no difference, no event. */
    private ProjectGroupView changeMembership(ProjectGroupView group, SortedSet<Long> wanted) {
        SortedSet<Long> added = new TreeSet<>(wanted);
        added.removeAll(group.projectIds());
        SortedSet<Long> removed = new TreeSet<>(group.projectIds());
        removed.removeAll(wanted);
        if (added.isEmpty() && removed.isEmpty()) {
            return group;
        }
        if (!removed.isEmpty()) {
            jdbc.sql("delete from project_group_members where project_group_id = :groupId and project_id in (:ids)")
                    .param("groupId", group.id()).param("ids", removed).update();
        }
        addMembers(group.id(), added);
        jdbc.sql("update project_groups set updated_at = now() where id = :id").param("id", group.id()).update();
        ProjectGroupView after = get(group.id());
        outbox.append(new ProjectGroupMembershipChanged(group.id(), group.companyId(), List.copyOf(added),
                List.copyOf(removed), after.projectIds()));
        return after;
    }

    private void addMembers(long groupId, Collection<Long> projectIds) {
        if (!projectIds.isEmpty()) {
            jdbc.sql("insert into project_group_members (project_group_id, project_id) "
                            + "select :groupId, id from projects where id in (:ids)")
                    .param("groupId", groupId).param("ids", projectIds).update();
        }
    }

    /**
     * The requested ids, de-duplicated and sorted, when every one is a project of the company; otherwise a 422 that
     * lists exactly the ones that are not (a project of another company is as unknown here as a missing one).
     */
    private SortedSet<Long> requireProjectsOf(long companyId, List<Long> projectIds) {
        SortedSet<Long> requested = projectIds == null ? new TreeSet<>() : new TreeSet<>(projectIds);
        if (requested.isEmpty()) {
            return requested;
        }
        List<Long> found = jdbc.sql("select id from projects where company_id = :companyId and id in (:ids)")
                .param("companyId", companyId).param("ids", requested).query(Long.class).list();
        SortedSet<Long> unknown = new TreeSet<>(requested);
        found.forEach(unknown::remove);
        if (!unknown.isEmpty()) {
            throw new UnknownIdsException("projectIds", List.copyOf(unknown));
        }
        return requested;
    }

    private ProjectGroupView lock(long id) {
        // the row lock comes first; the membership is read after it, so it cannot change under us
        jdbc.sql("select id from project_groups where id = :id for update").param("id", id).query(Long.class)
                .optional().orElseThrow(() -> new NotFoundException("project group", id));
        return get(id);
    }

    private static ConflictException duplicateName(long companyId, String name) {
        return new ConflictException("company " + companyId + " already has a project group named '" + name + "'");
    }

    private static ProjectGroupUpserted upserted(ProjectGroupView group) {
        return new ProjectGroupUpserted(group.id(), group.companyId(), group.name(), group.projectIds());
    }
}
