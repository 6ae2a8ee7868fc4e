package com.peptalk.heartbeat.samples;

import jakarta.validation.Valid;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * {@code POST /api/heartbeats/sample-data} (admin): loads sample kiosks for a demo. Only where
 * {@code peptalk.heartbeats.sample-data-enabled=true} (the local run); production has no such endpoint.
 */
@RestController
@ConditionalOnProperty(name = "peptalk.heartbeats.sample-data-enabled", havingValue = "true")
class SampleDataController {

    private final SampleData samples;

    SampleDataController(SampleData samples) {
        this.samples = samples;
    }

    @PostMapping("/api/heartbeats/sample-data")
    ResponseEntity<Map<String, Object>> load(@Valid @RequestBody SampleFleet fleet) {
        return ResponseEntity.status(HttpStatus.CREATED).body(SampleData.answer(samples.load(fleet)));
    }
}
