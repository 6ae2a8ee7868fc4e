package com.peptalk.heartbeat.kiosks;

import com.peptalk.web.problem.Problems;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Registers kiosks and hands out their tokens. A kiosk is numbered here and stored NEW; its token is asked of
 * token-service in the same transaction, so a refusal (an unknown project) or token-service being down registers
 * nothing. token-service's side is idempotent by kiosk number, and numbers are never reused, so a registration
 * rolled back after token-service answered leaves at most an unused token nobody was shown.
 */
@Service
class KioskRegistry {

    private final KioskRepository kiosks;
    private final KioskTokenClient tokens;
    private final HeartbeatProperties properties;
    private final Clock clock;

    KioskRegistry(KioskRepository kiosks, KioskTokenClient tokens, HeartbeatProperties properties, Clock clock) {
        this.kiosks = kiosks;
        this.tokens = tokens;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    RegisteredKiosk register(RegisterKiosk request) {
        return register(request, "projectId");
    }

    /** All or none; a refused item is named by its index ({@code kiosks[3].projectId}). */
    @Transactional
    List<RegisteredKiosk> registerAll(RegisterKiosks request) {
        if (request.kiosks().size() > properties.maxBulk()) {
            throw new BulkTooLarge(properties.maxBulk());
        }
        List<RegisteredKiosk> registered = new ArrayList<>();
        for (int i = 0; i < request.kiosks().size(); i++) {
            registered.add(register(request.kiosks().get(i), "kiosks[" + i + "].projectId"));
        }
        return registered;
    }

    /** A new token for the kiosk; the old one works for token-service's rotation grace period. */
    @Transactional(readOnly = true)
    RegisteredKiosk rotateToken(String kioskId) {
        Kiosk kiosk = find(kioskId);
        return RegisteredKiosk.of(kiosk, tokens.rotate(kiosk.number()));
    }

    /** Stops the kiosk's token at once: its heartbeats are refused from then on. */
    @Transactional(readOnly = true)
    void revokeToken(String kioskId) {
        tokens.revoke(find(kioskId).number());
    }

    private RegisteredKiosk register(RegisterKiosk request, String field) {
        Kiosk kiosk = kiosks.save(new Kiosk(kiosks.nextNumber(), request.projectId(), request.name().strip(), now()));
        try {
            return RegisteredKiosk.of(kiosk, tokens.ensure(kiosk.number(), kiosk.projectId()));
        }
        catch (KioskRefused ex) {
            throw ex.reason() == KioskRefused.Reason.UNKNOWN_PROJECT ? new KioskRefused(ex.reason(), field) : ex;
        }
    }

    private Kiosk find(String kioskId) {
        if (!kioskId.matches("[1-9][0-9]{0,17}")) {
            throw new KioskRefused(KioskRefused.Reason.UNKNOWN_KIOSK);
        }
        return kiosks.findById(kioskId).orElseThrow(() -> new KioskRefused(KioskRefused.Reason.UNKNOWN_KIOSK));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** More kiosks in one bulk registration than {@code peptalk.heartbeats.max-bulk}. */
    static class BulkTooLarge extends RuntimeException {

        final int max;

        BulkTooLarge(int max) {
            super("at most " + max + " kiosks per bulk registration", null, false, false);
            this.max = max;
        }

        Problems.FieldError error() {
            return new Problems.FieldError("kiosks", "at most " + max + " kiosks per request");
        }
    }
}
