package com.peptalk.token.directory;

import com.peptalk.token.web.ApiProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
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

/** Project group administration: the groups themselves and their membership. {@code DELETE} really deletes. */
@RestController
@RequestMapping("/api/directory/project-groups")
class ProjectGroupController {

    private final ProjectGroupService groups;
    private final ApiProperties api;

    ProjectGroupController(ProjectGroupService groups, ApiProperties api) {
        this.groups = groups;
        this.api = api;
    }

    @PostMapping
    ResponseEntity<ProjectGroupView> create(@Valid @RequestBody CreateProjectGroup request) {
        ProjectGroupView group = groups.create(request);
        return ResponseEntity.created(URI.create("/api/directory/project-groups/" + group.id())).body(group);
    }

    @GetMapping("/{id}")
    ProjectGroupView get(@PathVariable long id) {
        return groups.get(id);
    }

    @PutMapping("/{id}")
    ProjectGroupView rename(@PathVariable long id, @Valid @RequestBody RenameProjectGroup request) {
        return groups.rename(id, request);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        groups.delete(id);
    }

    @PutMapping("/{id}/projects")
    ProjectGroupView replaceProjects(@PathVariable long id, @Valid @RequestBody ProjectIds request) {
        return groups.replaceProjects(id, request.projectIds());
    }

    @PostMapping("/{id}/projects")
    ProjectGroupView addProjects(@PathVariable long id, @Valid @RequestBody ProjectIds request) {
        return groups.addProjects(id, request.projectIds());
    }

    @DeleteMapping("/{id}/projects/{projectId}")
    ProjectGroupView removeProject(@PathVariable long id, @PathVariable long projectId) {
        return groups.removeProject(id, projectId);
    }

    @GetMapping
    Page<ProjectGroupView> list(@RequestParam(required = false) Long companyId,
            @RequestParam(required = false) @Size(max = 200) String q,
            @RequestParam(required = false) Long projectId,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) int size) {
        return groups.list(new ProjectGroupFilter(companyId, q, projectId),
                PageRequest.of(page, size, api.maxPageSize()));
    }
}
