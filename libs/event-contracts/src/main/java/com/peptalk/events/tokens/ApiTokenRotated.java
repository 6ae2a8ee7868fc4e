package com.peptalk.events.tokens;

import com.peptalk.events.DomainEvent;

import java.time.Instant;
import java.util.UUID;

/** A token was replaced; the old one keeps working until {@code previousValidUntil}, then stops. */
public record ApiTokenRotated(UUID tokenId, UUID replacementTokenId, ApiTokenType tokenType, String resourceType,
        long resourceId, Instant previousValidUntil) implements DomainEvent {

    @Override
    public String aggregateId() {
        return tokenId.toString();
    }
}
