package com.peptalk.automation.runs;

import com.peptalk.automation.refusals.NotFoundException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/** Runs, readable: {@code /api/automation/runs/{id}} and {@code /api/automation/runs?workflowId=…} (newest first). */
@RestController
@RequestMapping("/api/automation/runs")
class RunController {

    private final RunRecords runs;

    RunController(RunRecords runs) {
        this.runs = runs;
    }

    @GetMapping("/{id}")
    RunRecord get(@PathVariable UUID id) {
        return runs.find(id).orElseThrow(() -> new NotFoundException("run", id));
    }

    @GetMapping
    List<RunRecord> ofWorkflow(@RequestParam UUID workflowId,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        return runs.ofWorkflow(workflowId, limit);
    }
}
