package com.peptalk.token.directory;

import com.peptalk.events.directory.ProjectDeleted;
import com.peptalk.events.directory.ProjectUpserted;
import com.peptalk.events.runtime.EventOutbox;
import com.peptalk.token.tokens.ApiTokens;
import com.peptalk.token.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Projects. A project is never deleted, only archived: its token, its group memberships and other services'
 * data keep referring to it. An archived project stays in its groups (reviving it brings it back there);
 * consumers hide it because they were told it is gone.
 */
@Service
public class ProjectService {

    private final JdbcClient jdbc;
    private final EventOutbox outbox;
    private final ActiveCompanies companies;
    private final ApiTokens tokens;

    ProjectService(JdbcClient jdbc, EventOutbox outbox, ActiveCompanies companies, ApiTokens tokens) {
        this.jdbc = jdbc;
        this.outbox = outbox;
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
        ProjectView project = jdbc.sql("""
                        insert into projects (company_id, name, status, time_zone, start_date, completion_date)
                        values (:companyId, :name, :status, :timeZone, :startDate, :completionDate)
                        returning\s""" + ProjectView.COLUMNS)
                .param("companyId", request.companyId())
                .param("name", request.name().strip())
                .param("status", request.status() == null ? "active" : request.status())
                .param("timeZone", request.timeZone() == null ? "UTC" : request.timeZone())
                .param("startDate", request.startDate())
                .param("completionDate", request.completionDate())
                .query(ProjectView.ROWS).single();
        publish(project);
        tokens.ensureProjectToken(project.id(), project.companyId());
        return project;
    }

    @Transactional(readOnly = true)
    public ProjectView get(long id) {
        return jdbc.sql("select " + ProjectView.COLUMNS + " from projects where id = :id").param("id", id)
                .query(ProjectView.ROWS).optional().orElseThrow(() -> new NotFoundException("project", id));
    }

    /** Replaces the editable state; a project that stays or becomes live needs an active company. */
    @Transactional
    public ProjectView update(long id, UpdateProject request) {
        if (!ProjectView.ARCHIVED.equals(request.status())) {
            // company before project: the order archiving a company takes them in, so the two never deadlock
            long companyId = jdbc.sql("select company_id from projects where id = :id").param("id", id)
                    .query(Long.class).optional().orElseThrow(() -> new NotFoundException("project", id));
            companies.require(companyId);
        }
        lock(id);
        ProjectView project = jdbc.sql("""
                        update projects set name = :name, status = :status, time_zone = :timeZone,
                            start_date = :startDate, completion_date = :completionDate, updated_at = now()
                        where id = :id returning\s""" + ProjectView.COLUMNS)
                .param("id", id)
                .param("name", request.name().strip())
                .param("status", request.status())
                .param("timeZone", request.timeZone())
                .param("startDate", request.startDate())
                .param("completionDate", request.completionDate())
                .query(ProjectView.ROWS).single();
        publish(project);
        return project;
    }

    /** Archives the project; archiving an archived project changes nothing and publishes nothing. */
    @Transactional
    public void archive(long id) {
        if (lock(id).archived()) {
            return;
        }
        publish(jdbc.sql("update projects set status = 'archived', updated_at = now() where id = :id returning "
                + ProjectView.COLUMNS).param("id", id).query(ProjectView.ROWS).single());
    }

    @Transactional(readOnly = true)
    public Page<ProjectView> list(ProjectFilter filter, PageRequest page) {
        return new Filters()
                .with("company_id = :companyId", "companyId", filter.companyId())
                .with("status = :status", "status", filter.status())
                .with("strpos(lower(name), lower(:q)) > 0", "q", filter.q())
                .with("id in (select project_id from project_group_members where project_group_id = :groupId)",
                        "groupId", filter.projectGroupId())
                .page(jdbc, ProjectView.COLUMNS, "projects", page, ProjectView.ROWS);
    }

    /** Part of archiving a company, which holds the company row for update while this runs. */
    void archiveAllOf(long companyId) {
        jdbc.sql("update projects set status = 'archived', updated_at = now() "
                        + "where company_id = :companyId and status <> 'archived' returning " + ProjectView.COLUMNS)
                .param("companyId", companyId).query(ProjectView.ROWS).list().stream()
                .sorted((a, b) -> Long.compare(a.id(), b.id()))
                .forEach(this::publish);
    }

    private ProjectView lock(long id) {
        return jdbc.sql("select " + ProjectView.COLUMNS + " from projects where id = :id for update")
                .param("id", id).query(ProjectView.ROWS).optional()
                .orElseThrow(() -> new NotFoundException("project", id));
    }

    /** An archived project is gone for consumers; anything else is its current state. */
    private void publish(ProjectView project) {
        outbox.append(project.archived() ? new ProjectDeleted(project.id(), project.companyId())
                : new ProjectUpserted(project.id(), project.companyId(), project.name(), project.status(),
                        project.timeZone(), project.startDate(), project.completionDate()));
    }
}
