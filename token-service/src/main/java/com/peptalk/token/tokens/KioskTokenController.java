package com.peptalk.token.tokens;

import com.peptalk.tokencontracts.KioskToken;
import com.peptalk.web.idempotency.CarriesSecret;
import jakarta.validation.constraints.Positive;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * Kiosk tokens for heartbeat-service, which registers kiosks. Under {@code /internal}, which the gateway never
 * routes (a network policy admits only services of the cluster). Admins rotate and revoke a kiosk's token through
 * heartbeat-service's API, or by its token id through {@code /api/tokens/{id}/rotate|revoke} like any other.
 */
@RestController
@RequestMapping("/internal/tokens/kiosks/{kioskId}")
class KioskTokenController {

    private final KioskTokens kiosks;

    KioskTokenController(KioskTokens kiosks) {
        this.kiosks = kiosks;
    }

    /** The kiosk's active token, issued if it has none (idempotent); 404 problem for an unknown project. */
    @PutMapping
    @CarriesSecret
    KioskToken ensure(@PathVariable @Positive long kioskId, @RequestBody KioskToken.Request request) {
        return kiosks.ensure(kioskId, request.projectId());
    }

    @PostMapping("/rotate")
    @CarriesSecret
    KioskToken rotate(@PathVariable @Positive long kioskId) {
        return kiosks.rotate(kioskId);
    }

    @PostMapping("/revoke")
    Map<String, Integer> revoke(@PathVariable @Positive long kioskId) {
        return Map.of("revoked", kiosks.revoke(kioskId));
    }
}
