package com.peptalk.token.directory;

import com.peptalk.events.directory.CompanyDeleted;
import com.peptalk.events.directory.CompanyUpserted;
import com.peptalk.events.runtime.EventOutbox;
import com.peptalk.token.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Companies. A company is never deleted, only archived: tokens and other services' projections keep pointing at
 * it. Archiving it archives its projects and deactivates its users in the same transaction, each with its own
 * event, so no consumer is left with live projects of a dead company.
 */
@Service
public class CompanyService {

    private final JdbcClient jdbc;
    private final EventOutbox outbox;
    private final ProjectService projects;
    private final UserService users;

    CompanyService(JdbcClient jdbc, EventOutbox outbox, ProjectService projects, UserService users) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.projects = projects;
        this.users = users;
    }

    @Transactional
    public CompanyView create(CreateCompany request) {
        CompanyView company = jdbc.sql("insert into companies (name) values (:name) returning " + CompanyView.COLUMNS)
                .param("name", request.name().strip()).query(CompanyView.ROWS).single();
        publish(company);
        return company;
    }

    @Transactional(readOnly = true)
    public CompanyView get(long id) {
        return jdbc.sql("select " + CompanyView.COLUMNS + " from companies where id = :id").param("id", id)
                .query(CompanyView.ROWS).optional().orElseThrow(() -> new NotFoundException("company", id));
    }

    @Transactional
    public CompanyView update(long id, UpdateCompany request) {
        CompanyView before = lock(id);
        CompanyView after = jdbc.sql("update companies set name = :name, status = :status, updated_at = now() "
                        + "where id = :id returning " + CompanyView.COLUMNS)
                .param("id", id).param("name", request.name().strip()).param("status", request.status())
                .query(CompanyView.ROWS).single();
        publish(after);
        if (after.archived() && !before.archived()) {
            archiveWhatItOwns(id);
        }
        return after;
    }

    /** Archives the company; archiving an archived company changes nothing and publishes nothing. */
    @Transactional
    public void archive(long id) {
        if (lock(id).archived()) {
            return;
        }
        CompanyView archived = jdbc.sql("update companies set status = 'archived', updated_at = now() "
                        + "where id = :id returning " + CompanyView.COLUMNS)
                .param("id", id).query(CompanyView.ROWS).single();
        publish(archived);
        archiveWhatItOwns(id);
    }

    @Transactional(readOnly = true)
    public Page<CompanyView> list(String status, String q, PageRequest page) {
        return new Filters()
                .with("status = :status", "status", status)
                .with("strpos(lower(name), lower(:q)) > 0", "q", q)
                .page(jdbc, CompanyView.COLUMNS, "companies", page, CompanyView.ROWS);
    }

    /** Takes the company for update: project, group and user writes share-lock it, so they wait for us. */
    private CompanyView lock(long id) {
        return jdbc.sql("select " + CompanyView.COLUMNS + " from companies where id = :id for update")
                .param("id", id).query(CompanyView.ROWS).optional()
                .orElseThrow(() -> new NotFoundException("company", id));
    }

    private void archiveWhatItOwns(long id) {
        projects.archiveAllOf(id);
        users.deactivateAllOf(id);
    }

    /** An archived company is gone for consumers; its projects and users follow with their own events. */
    private void publish(CompanyView company) {
        outbox.append(company.archived() ? new CompanyDeleted(company.id())
                : new CompanyUpserted(company.id(), company.name(), company.status()));
    }
}
