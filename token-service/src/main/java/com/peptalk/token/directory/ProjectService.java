package com.peptalk.token.directory;

import com.peptalk.events.directory.ProjectDeleted;
import com.peptalk.events.directory.ProjectUpserted;
import com.peptalk.events.runtime.EventOutbox;
import com.peptalk.token.refusals.NotFoundException;
import com.peptalk.token.tokens.ApiTokens;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Projects. A project is never deleted, only archived: its token, its group memberships and other services'
 * data keep referring to it. An archived project stays in its groups (reviving it brings it back there);
 * consumers hide it because they were told it is gone.
 */
@Service
public class ProjectService {

    private final ProjectRepository projects;
    private final EventOutbox outbox;
    private final DirectoryClock clock;
    private final ActiveCompanies companies;
    private final ApiTokens tokens;

    ProjectService(ProjectRepository projects, EventOutbox outbox, DirectoryClock clock, ActiveCompanies companies,
            ApiTokens tokens) {
        this.projects = projects;
        this.outbox = outbox;
        this.clock = clock;
        this.companies = companies;
        this.tokens = tokens;
    }

    /**
     * Creates a project of an active company. Everything a new project needs (its event, and its project token)
     * is made here, in this one transaction, so a project never exists without them.
     */
    @Transactional
    public ProjectView create(CreateProject request) {
        companies.require(request.companyId());
        Project project = projects.save(new Project(request.companyId(), request.name().strip(),
                request.status() == null ? "active" : request.status(),
                request.timeZone() == null ? "UTC" : request.timeZone(),
                request.startDate(), request.completionDate(), clock.now()));
        publish(project);
        tokens.ensureProjectToken(project.id(), project.companyId());
        return project.view();
    }

    @Transactional(readOnly = true)
    public ProjectView get(long id) {
        return projects.findById(id).map(Project::view).orElseThrow(() -> new NotFoundException("project", id));
    }

    /** Replaces the editable state; a project that stays or becomes live needs an active company. */
    @Transactional
    public ProjectView update(long id, UpdateProject request) {
        if (!ProjectView.ARCHIVED.equals(request.status())) {
            // company before project: the order archiving a company takes them in, so the two never deadlock
            long companyId = projects.findCompanyIdById(id).orElseThrow(() -> new NotFoundException("project", id));
            companies.require(companyId);
        }
        Project project = lock(id);
        project.update(request.name().strip(), request.status(), request.timeZone(), request.startDate(),
                request.completionDate(), clock.now());
        publish(project);
        return project.view();
    }

    /** Archives the project; archiving an archived project changes nothing and publishes nothing. */
    @Transactional
    public void archive(long id) {
        Project project = lock(id);
        if (project.archived()) {
            return;
        }
        project.archive(clock.now());
        publish(project);
    }

    @Transactional(readOnly = true)
    public Page<ProjectView> list(ProjectFilter filter, PageRequest page) {
        return new Filters<Project>()
                .equal("companyId", filter.companyId())
                .equal("status", filter.status())
                .mentioning(filter.q(), "name")
                .with(filter.projectGroupId(), ProjectService::memberOf)
                .page(projects, page, Project::view);
    }

    /** Part of archiving a company, which holds the company row for update while this runs. */
    void archiveAllOf(long companyId) {
        for (Project project : projects.findByCompanyIdAndStatusNotOrderById(companyId, ProjectView.ARCHIVED)) {
            project.archive(clock.now());
            publish(project);
        }
    }

    private Project lock(long id) {
        return projects.findForUpdateById(id).orElseThrow(() -> new NotFoundException("project", id));
    }

    /** Projects in the group's membership. */
    private static Specification<Project> memberOf(long groupId) {
        return (root, query, cb) -> {
            Subquery<Long> members = query.subquery(Long.class);
            Root<ProjectGroup> group = members.from(ProjectGroup.class);
            Join<ProjectGroup, Long> member = group.join("projectIds");
            members.select(member).where(cb.equal(group.get("id"), groupId));
            return root.get("id").in(members);
        };
    }

    /** An archived project is gone for consumers; anything else is its current state. */
    private void publish(Project project) {
        ProjectView view = project.view();
        outbox.append(view.archived() ? new ProjectDeleted(view.id(), view.companyId())
                : new ProjectUpserted(view.id(), view.companyId(), view.name(), view.status(), view.timeZone(),
                        view.startDate(), view.completionDate()));
    }
}
