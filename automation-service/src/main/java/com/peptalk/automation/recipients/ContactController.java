package com.peptalk.automation.recipients;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/** Contacts of projects: {@code /api/automation/contacts}, and a CSV import that reports each bad row. */
@RestController
@RequestMapping("/api/automation/contacts")
class ContactController {

    private final ContactService contacts;
    private final ContactImport imports;

    ContactController(ContactService contacts, ContactImport imports) {
        this.contacts = contacts;
        this.imports = imports;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ContactView> create(@Valid @RequestBody ContactRequest request) {
        ContactView contact = contacts.create(request);
        return ResponseEntity.created(URI.create("/api/automation/contacts/" + contact.id())).body(contact);
    }

    @GetMapping("/{id}")
    ContactView get(@PathVariable long id) {
        return contacts.get(id);
    }

    @PutMapping("/{id}")
    ContactView update(@PathVariable long id, @Valid @RequestBody ContactRequest request) {
        return contacts.update(id, request);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        contacts.delete(id);
    }

    @GetMapping
    List<ContactView> list(@RequestParam(required = false) @Positive Long companyId,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return contacts.list(companyId, page, size);
    }

    /**
     * {@code POST /api/automation/contacts/import?companyId=…} with a {@code text/csv} body (RFC 4180, a header
     * row; see the README for the columns): imports every good row, answers each bad one with its line and reason.
     */
    @PostMapping(path = "/import", consumes = "text/csv")
    ContactImport.Report importCsv(@RequestParam @Positive long companyId, @RequestBody String csv) {
        return imports.importCsv(companyId, csv);
    }
}
