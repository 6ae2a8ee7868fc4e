package com.peptalk.heartbeat.kiosks;

import com.peptalk.web.idempotency.CarriesSecret;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Kiosk administration: register one or many (each answer shows the kiosk's token once), rotate or revoke a kiosk's
 * token, pause and resume (maintenance), and a project's period and grace. Reading kiosks is the dashboard's API.
 */
@RestController
@RequestMapping("/api/heartbeats")
class KioskController {

    private final KioskRegistry registry;
    private final KioskStates states;
    private final Clock clock;

    KioskController(KioskRegistry registry, KioskStates states, Clock clock) {
        this.registry = registry;
        this.states = states;
        this.clock = clock;
    }

    @PostMapping("/kiosks")
    @CarriesSecret
    ResponseEntity<RegisteredKiosk> register(@Valid @RequestBody RegisterKiosk request) {
        RegisteredKiosk kiosk = registry.register(request);
        return ResponseEntity.created(URI.create("/api/heartbeats/kiosks/" + kiosk.kioskId())).body(kiosk);
    }

    @PostMapping("/kiosks/bulk")
    @CarriesSecret
    ResponseEntity<Map<String, List<RegisteredKiosk>>> registerAll(@Valid @RequestBody RegisterKiosks request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("kiosks", registry.registerAll(request)));
    }

    @PostMapping("/kiosks/{kioskId}/token/rotate")
    @CarriesSecret
    RegisteredKiosk rotateToken(@PathVariable String kioskId) {
        return registry.rotateToken(kioskId);
    }

    @PostMapping("/kiosks/{kioskId}/token/revoke")
    ResponseEntity<Void> revokeToken(@PathVariable String kioskId) {
        registry.revokeToken(kioskId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/kiosks/{kioskId}/pause")
    ResponseEntity<Void> pause(@PathVariable String kioskId) {
        states.pause(kioskId, clock.instant());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/kiosks/{kioskId}/resume")
    ResponseEntity<Void> resume(@PathVariable String kioskId) {
        states.resume(kioskId, clock.instant());
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/projects/{projectId}/schedule")
    ProjectSchedule schedule(@PathVariable @Positive long projectId, @Valid @RequestBody ProjectSchedule schedule) {
        states.schedule(projectId, Optional.ofNullable(schedule.period()), Optional.ofNullable(schedule.grace()));
        return schedule;
    }
}
