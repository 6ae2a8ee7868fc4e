package com.peptalk.heartbeat.kiosks;

import com.peptalk.tokencontracts.KioskToken;

import java.time.Instant;
import java.util.UUID;

/**
 * A kiosk just registered (or its token just rotated), with the token to configure on the device: shown in this
 * answer only, never stored here (token-service keeps it; rotate to get a new one).
 *
 * @param kioskId the kiosk's id, as heartbeats and events carry it
 * @param tokenId the token's id in token-service ({@code /api/tokens/{tokenId}})
 * @param token the kiosk token ({@code ppt_ki_…}), sent by the kiosk as {@code Authorization: Bearer <token>}
 */
public record RegisteredKiosk(String kioskId, long projectId, String name, Instant registeredAt, UUID tokenId,
        String token) {

    static RegisteredKiosk of(Kiosk kiosk, KioskToken token) {
        return new RegisteredKiosk(kiosk.getId(), kiosk.projectId(), kiosk.name(), kiosk.registeredAt(),
                token.tokenId(), token.token());
    }

    /** Leaves the token out. */
    @Override
    public String toString() {
        return "RegisteredKiosk[kioskId=" + kioskId + ", projectId=" + projectId + ", tokenId=" + tokenId + "]";
    }
}
