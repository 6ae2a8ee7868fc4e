package com.peptalk.token.tokens;

import com.peptalk.events.tokens.ApiTokenType;

import java.time.Instant;
import java.util.UUID;

/** What the API shows of a token without revealing it. */
public record ApiTokenView(UUID id, ApiTokenType apiTokenType, String resourceType, long resourceId, long companyId,
        String displayPrefix, String status, boolean active, Instant createdAt, Instant expiresAt, Instant revokedAt,
        Instant lastUsedAt, UUID replacedBy) {
}
