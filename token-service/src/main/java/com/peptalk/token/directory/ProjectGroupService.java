package com.peptalk.token.directory;

import com.peptalk.events.directory.ProjectGroupDeleted;
import com.peptalk.events.directory.ProjectGroupMembershipChanged;
import com.peptalk.events.directory.ProjectGroupUpserted;
import com.peptalk.events.runtime.EventOutbox;
import com.peptalk.events.tokens.ApiTokenType;
import com.peptalk.token.refusals.ConflictException;
import com.peptalk.token.refusals.NotFoundException;
import com.peptalk.token.refusals.UnknownIdsException;
import com.peptalk.token.tokens.ApiTokens;
import org.springframework.dao.DataIntegrityViolationException;
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

    private final ProjectGroupRepository groups;
    private final ProjectRepository projects;
    private final EventOutbox outbox;
    private final DirectoryClock clock;
    private final ActiveCompanies companies;
    private final ApiTokens tokens;

    ProjectGroupService(ProjectGroupRepository groups, ProjectRepository projects, EventOutbox outbox,
            DirectoryClock clock, ActiveCompanies companies, ApiTokens tokens) {
        this.groups = groups;
        this.projects = projects;
        this.outbox = outbox;
        this.clock = clock;
        this.companies = companies;
        this.tokens = tokens;
    }

    @Transactional
    public ProjectGroupView create(CreateProjectGroup request) {
        companies.require(request.companyId());
        SortedSet<Long> projectIds = requireProjectsOf(request.companyId(), request.projectIds());
        ProjectGroup group = new ProjectGroup(request.companyId(), request.name().strip(), projectIds, clock.now());
        saveUnique(group);
        outbox.append(upserted(group));
        return group.view();
    }

    @Transactional(readOnly = true)
    public ProjectGroupView get(long id) {
        return groups.findById(id).map(ProjectGroup::view)
                .orElseThrow(() -> new NotFoundException("project group", id));
    }

    @Transactional
    public ProjectGroupView rename(long id, RenameProjectGroup request) {
        ProjectGroup group = lock(id);
        group.rename(request.name().strip(), clock.now());
        saveUnique(group);
        outbox.append(upserted(group));
        return group.view();
    }

    /** Deletes the group and its membership; the projects stay. */
    @Transactional
    public void delete(long id) {
        ProjectGroup group = lock(id);
        groups.delete(group);
        outbox.append(new ProjectGroupDeleted(id, group.companyId()));
        // the group's token must stop working now, and caches must hear it (token.events)
        tokens.revokeAllOf(ApiTokenType.PROJECT_GROUP, id);
    }

    /** Makes {@code projectIds} the group's exact membership. */
    @Transactional
    public ProjectGroupView replaceProjects(long id, List<Long> projectIds) {
        ProjectGroup group = lock(id);
        SortedSet<Long> wanted = requireProjectsOf(group.companyId(), projectIds);
        return changeMembership(group, wanted);
    }

    /** Adds projects to the group; those already in it stay as they are. */
    @Transactional
    public ProjectGroupView addProjects(long id, List<Long> projectIds) {
        ProjectGroup group = lock(id);
        SortedSet<Long> wanted = requireProjectsOf(group.companyId(), projectIds);
        wanted.addAll(group.projectIds());
        return changeMembership(group, wanted);
    }

    /** Takes a project out of the group; a project that is not in it is a no-op, as repeating a DELETE should be. */
    @Transactional
    public ProjectGroupView removeProject(long id, long projectId) {
        ProjectGroup group = lock(id);
        SortedSet<Long> wanted = group.projectIds();
        wanted.remove(projectId);
        return changeMembership(group, wanted);
    }

    @Transactional(readOnly = true)
    public Page<ProjectGroupView> list(ProjectGroupFilter filter, PageRequest page) {
        return new Filters<ProjectGroup>()
                .equal("companyId", filter.companyId())
                .mentioning(filter.q(), "name")
                .with(filter.projectId(), projectId -> (root, query, cb) -> cb.isMember(projectId,
                        root.<Collection<Long>>get("projectIds")))
                .page(groups, page, ProjectGroup::view);
    }

    /** Applies the difference and publishes it with the membership after it; no difference, no event. */
    private ProjectGroupView changeMembership(ProjectGroup group, SortedSet<Long> wanted) {
        SortedSet<Long> before = group.projectIds();
        SortedSet<Long> added = new TreeSet<>(wanted);
        added.removeAll(before);
        SortedSet<Long> removed = new TreeSet<>(before);
        removed.removeAll(wanted);
        if (added.isEmpty() && removed.isEmpty()) {
            return group.view();
        }
        group.replaceProjects(wanted, clock.now());
        ProjectGroupView after = group.view();
        outbox.append(new ProjectGroupMembershipChanged(group.id(), group.companyId(), List.copyOf(added),
                List.copyOf(removed), after.projectIds()));
        return after;
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
        SortedSet<Long> unknown = new TreeSet<>(requested);
        projects.findIdsOfCompany(companyId, requested).forEach(unknown::remove);
        if (!unknown.isEmpty()) {
            throw new UnknownIdsException("projectIds", List.copyOf(unknown));
        }
        return requested;
    }

    private ProjectGroup lock(long id) {
        return groups.findForUpdateById(id).orElseThrow(() -> new NotFoundException("project group", id));
    }

    /** Writes now rather than at commit, so the unique name's answer is a 409 here and not a failed commit. */
    private void saveUnique(ProjectGroup group) {
        try {
            groups.saveAndFlush(group);
        }
        catch (DataIntegrityViolationException ex) {
            if (UniqueKeys.violated(ex)) {
                throw new ConflictException("company " + group.companyId() + " already has a project group named '"
                        + group.name() + "'");
            }
            throw ex;
        }
    }

    private static ProjectGroupUpserted upserted(ProjectGroup group) {
        ProjectGroupView view = group.view();
        return new ProjectGroupUpserted(view.id(), view.companyId(), view.name(), view.projectIds());
    }
}
