package com.peptalk.token.tokens;

import java.time.Instant;
import java.util.UUID;

/** What the API shows of a token without revealing it. */
public record ApiTokenView(UUID id, String apiTokenType, String resourceType, long resourceId, long companyId,
        String displayPrefix, String status, boolean active, Instant createdAt, Instant expiresAt, Instant revokedAt,
        Instant lastUsedAt, UUID replacedBy) {
}
