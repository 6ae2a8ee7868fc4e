package com.peptalk.automation.workflows;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** Workflows: {@code /api/automation/workflows}; pausing is a {@code PUT} with {@code "status": "PAUSED"}. */
@RestController
@RequestMapping("/api/automation/workflows")
class WorkflowController {

    private final WorkflowService workflows;

    WorkflowController(WorkflowService workflows) {
        this.workflows = workflows;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<WorkflowPlan> create(@Valid @RequestBody WorkflowRequest request) {
        WorkflowPlan workflow = workflows.create(request);
        return ResponseEntity.created(URI.create("/api/automation/workflows/" + workflow.id())).body(workflow);
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    WorkflowPlan update(@PathVariable UUID id, @Valid @RequestBody WorkflowRequest request) {
        return workflows.update(id, request);
    }

    @GetMapping("/{id}")
    WorkflowPlan get(@PathVariable UUID id) {
        return workflows.get(id);
    }

    @GetMapping
    List<WorkflowPlan> list(@RequestParam @Positive long companyId) {
        return workflows.list(companyId);
    }
}
