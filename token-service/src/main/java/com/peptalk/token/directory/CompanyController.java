package com.peptalk.token.directory;

import com.peptalk.token.web.ApiProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
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

/** Company administration; {@code DELETE} archives. */
@RestController
@RequestMapping("/api/directory/companies")
class CompanyController {

    private final CompanyService companies;
    private final ApiProperties api;

    CompanyController(CompanyService companies, ApiProperties api) {
        this.companies = companies;
        this.api = api;
    }

    @PostMapping
    ResponseEntity<CompanyView> create(@Valid @RequestBody CreateCompany request) {
        CompanyView company = companies.create(request);
        return ResponseEntity.created(URI.create("/api/directory/companies/" + company.id())).body(company);
    }

    @GetMapping("/{id}")
    CompanyView get(@PathVariable long id) {
        return companies.get(id);
    }

    @PutMapping("/{id}")
    CompanyView update(@PathVariable long id, @Valid @RequestBody UpdateCompany request) {
        return companies.update(id, request);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void archive(@PathVariable long id) {
        companies.archive(id);
    }

    @GetMapping
    Page<CompanyView> list(@RequestParam(required = false) @Pattern(regexp = "active|archived") String status,
            @RequestParam(required = false) @Size(max = 200) String q,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) int size) {
        return companies.list(status, q, PageRequest.of(page, size, api.maxPageSize()));
    }
}
