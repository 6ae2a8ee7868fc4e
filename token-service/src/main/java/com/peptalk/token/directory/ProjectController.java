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

/** Project administration; {@code DELETE} archives. */
@RestController
@RequestMapping("/api/directory/projects")
class ProjectController {

    private final ProjectService projects;
    private final ApiProperties api;

    ProjectController(ProjectService projects, ApiProperties api) {
        this.projects = projects;
        this.api = api;
    }

    @PostMapping
    ResponseEntity<ProjectView> create(@Valid @RequestBody CreateProject request) {
        ProjectView project = projects.create(request);
        return ResponseEntity.created(URI.create("/api/directory/projects/" + project.id())).body(project);
    }

    @GetMapping("/{id}")
    ProjectView get(@PathVariable long id) {
        return projects.get(id);
    }

    @PutMapping("/{id}")
    ProjectView update(@PathVariable long id, @Valid @RequestBody UpdateProject request) {
        return projects.update(id, request);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void archive(@PathVariable long id) {
        projects.archive(id);
    }

    @GetMapping
    Page<ProjectView> list(@RequestParam(required = false) Long companyId,
            @RequestParam(required = false) @Pattern(regexp = "active|inactive|archived") String status,
            @RequestParam(required = false) @Size(max = 200) String q,
            @RequestParam(required = false) Long projectGroupId,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) int size) {
        return projects.list(new ProjectFilter(companyId, status, q, projectGroupId),
                PageRequest.of(page, size, api.maxPageSize()));
    }
}
