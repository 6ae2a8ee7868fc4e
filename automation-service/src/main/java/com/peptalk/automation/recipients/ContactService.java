package com.peptalk.automation.recipients;

import com.peptalk.automation.projects.Project;
import com.peptalk.automation.projects.Projects;
import com.peptalk.automation.refusals.NotFoundException;
import com.peptalk.automation.refusals.UnknownIdsException;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;

/** Contacts: created, changed, read, deleted; their projects must be live projects of their company. */
@Service
class ContactService {

    private final ContactRepository contacts;
    private final Projects projects;
    private final Clock clock;

    ContactService(ContactRepository contacts, Projects projects, Clock clock) {
        this.contacts = contacts;
        this.projects = projects;
        this.clock = clock;
    }

    @Transactional
    public ContactView create(ContactRequest request) {
        ContactFields fields = request.normalised();
        requireProjects(fields);
        return contacts.save(new Contact(fields, clock.instant())).view();
    }

    @Transactional
    public ContactView update(long id, ContactRequest request) {
        ContactFields fields = request.normalised();
        requireProjects(fields);
        Contact contact = contacts.findById(id).orElseThrow(() -> new NotFoundException("contact", id));
        contact.update(fields, clock.instant());
        return contact.view();
    }

    @Transactional(readOnly = true)
    public ContactView get(long id) {
        return contacts.findById(id).map(Contact::view).orElseThrow(() -> new NotFoundException("contact", id));
    }

    @Transactional(readOnly = true)
    public List<ContactView> list(Long companyId, int page, int size) {
        PageRequest request = PageRequest.of(page, size);
        return (companyId == null ? contacts.findAllByOrderById(request)
                : contacts.findByCompanyIdOrderById(companyId, request)).map(Contact::view).toList();
    }

    @Transactional
    public void delete(long id) {
        if (!contacts.existsById(id)) {
            throw new NotFoundException("contact", id);
        }
        contacts.deleteById(id);
    }

    /** The project ids of the contact that are not live projects of its company (empty when all are). */
    List<Long> unknownProjects(ContactFields fields) {
        List<Long> ofCompany = projects.find(fields.projectIds()).stream()
                .filter(project -> project.companyId() == fields.companyId()).map(Project::id).toList();
        return fields.projectIds().stream().filter(id -> !ofCompany.contains(id)).toList();
    }

    /** Saves contacts already checked (the good rows of an import), in one transaction. */
    @Transactional
    public List<Long> createAll(List<ContactFields> checked) {
        return checked.stream().map(fields -> contacts.save(new Contact(fields, clock.instant())).view().id()).toList();
    }

    private void requireProjects(ContactFields fields) {
        List<Long> unknown = unknownProjects(fields);
        if (!unknown.isEmpty()) {
            throw new UnknownIdsException("projectIds", unknown);
        }
    }
}
