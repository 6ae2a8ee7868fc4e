package com.peptalk.automation.triggers;

import com.peptalk.automation.projects.Projects;
import com.peptalk.automation.refusals.NotFoundException;
import com.peptalk.automation.refusals.UnknownIdsException;
import com.peptalk.automation.runs.RunCause;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * Triggers through the API: {@code POST /api/automation/triggers} runs the matching workflows at once and answers
 * what it did; with an {@code Idempotency-Key} (libs/web) a retry gets the same answer and starts nothing again.
 */
@RestController
@RequestMapping("/api/automation/triggers")
class TriggerController {

    private final TriggerIntake intake;
    private final Projects projects;

    TriggerController(TriggerIntake intake, Projects projects) {
        this.intake = intake;
        this.projects = projects;
    }

    /** A project automation does not know is refused (422, {@code projectId}); an unknown type is recorded and ignored. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<TriggerIntake.Intake> fire(@Valid @RequestBody TriggerRequest request) {
        if (projects.find(request.projectId()).isEmpty()) {
            throw new UnknownIdsException("projectId", List.of(request.projectId()));
        }
        TriggerIntake.Intake intake = this.intake.accept(new RunCause.Trigger(UUID.randomUUID(), request.triggerType(),
                request.projectId(), request.payload()), null, "api");
        return ResponseEntity.created(URI.create("/api/automation/triggers/" + intake.triggerId())).body(intake);
    }

    @GetMapping("/{id}")
    TriggerIntake.Intake get(@PathVariable UUID id) {
        return intake.find(id).orElseThrow(() -> new NotFoundException("trigger", id));
    }
}
