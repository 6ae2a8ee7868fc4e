package com.peptalk.tokencontracts;

import java.util.UUID;

/**
 * A kiosk's API token as token-service reveals it to heartbeat-service (the one service that registers kiosks),
 * on {@code PUT /internal/tokens/kiosks/{kioskId}} and {@code POST /internal/tokens/kiosks/{kioskId}/rotate}.
 * {@code token} is the secret itself ({@code ppt_ki_…}): shown to the admin who registered the kiosk, never logged,
 * never stored outside token-service (which keeps only its keyed hash and an encrypted copy).
 *
 * @param tokenId the token's id in token-service ({@code /api/tokens/{tokenId}})
 * @param kioskId the kiosk, as heartbeat-service numbers it (the token's {@code resource_id})
 * @param projectId the project the kiosk belongs to and reports for
 * @param token the secret
 */
public record KioskToken(UUID tokenId, long kioskId, long projectId, String token) {

    /** Leaves the secret out, so a log line or an assertion message never shows it. */
    @Override
    public String toString() {
        return "KioskToken[tokenId=" + tokenId + ", kioskId=" + kioskId + ", projectId=" + projectId + "]";
    }

    /** What heartbeat-service asks for: a token for this kiosk, which belongs to {@code projectId}. */
    public record Request(long projectId) {
    }
}
