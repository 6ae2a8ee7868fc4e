package com.peptalk.token.directory;

import com.peptalk.events.directory.CompanyDeleted;
import com.peptalk.events.directory.CompanyUpserted;
import com.peptalk.events.runtime.EventOutbox;
import com.peptalk.token.refusals.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Companies. A company is never deleted, only archived: tokens and other services' projections keep pointing at
 * it. Archiving it archives its projects and deactivates its users in the same transaction, each with its own
 * event, so no consumer is left with live projects of a dead company.
 */
@Service
public class CompanyService {

    private final CompanyRepository companies;
    private final EventOutbox outbox;
    private final DirectoryClock clock;
    private final ProjectService projects;
    private final UserService users;

    CompanyService(CompanyRepository companies, EventOutbox outbox, DirectoryClock clock, ProjectService projects,
            UserService users) {
        this.companies = companies;
        this.outbox = outbox;
        this.clock = clock;
        this.projects = projects;
        this.users = users;
    }

    @Transactional
    public CompanyView create(CreateCompany request) {
        Company company = companies.save(new Company(request.name().strip(), clock.now()));
        publish(company);
        return company.view();
    }

    @Transactional(readOnly = true)
    public CompanyView get(long id) {
        return companies.findById(id).map(Company::view).orElseThrow(() -> new NotFoundException("company", id));
    }

    @Transactional
    public CompanyView update(long id, UpdateCompany request) {
        Company company = lock(id);
        boolean wasArchived = company.archived();
        company.update(request.name().strip(), request.status(), clock.now());
        publish(company);
        if (company.archived() && !wasArchived) {
            archiveWhatItOwns(id);
        }
        return company.view();
    }

    /** Archives the company; archiving an archived company changes nothing and publishes nothing. */
    @Transactional
    public void archive(long id) {
        Company company = lock(id);
        if (company.archived()) {
            return;
        }
        company.archive(clock.now());
        publish(company);
        archiveWhatItOwns(id);
    }

    @Transactional(readOnly = true)
    public Page<CompanyView> list(String status, String q, PageRequest page) {
        return new Filters<Company>()
                .equal("status", status)
                .mentioning(q, "name")
                .page(companies, page, Company::view);
    }

    /** Takes the company for update: project, group and user writes share-lock it, so they wait for us. */
    private Company lock(long id) {
        return companies.findForUpdateById(id).orElseThrow(() -> new NotFoundException("company", id));
    }

    private void archiveWhatItOwns(long id) {
        projects.archiveAllOf(id);
        users.deactivateAllOf(id);
    }

    /** An archived company is gone for consumers; its projects and users follow with their own events. */
    private void publish(Company company) {
        CompanyView view = company.view();
        outbox.append(view.archived() ? new CompanyDeleted(view.id())
                : new CompanyUpserted(view.id(), view.name(), view.status()));
    }
}
