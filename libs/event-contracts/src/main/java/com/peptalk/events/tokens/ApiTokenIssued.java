package com.peptalk.events.tokens;

import com.peptalk.events.DomainEvent;

import java.time.Instant;
import java.util.UUID;

/** A token was issued for a resource. Never carries the secret itself. */
public record ApiTokenIssued(UUID tokenId, ApiTokenType tokenType, String resourceType, long resourceId,
        long companyId, Instant expiresAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return tokenId.toString();
    }
}
