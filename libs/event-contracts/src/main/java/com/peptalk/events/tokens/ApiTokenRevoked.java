package com.peptalk.events.tokens;

import com.peptalk.events.DomainEvent;

import java.util.UUID;

/** A token stopped working at once; caches must drop it. */
public record ApiTokenRevoked(UUID tokenId, ApiTokenType tokenType, String resourceType, long resourceId)
        implements DomainEvent {

    @Override
    public String aggregateId() {
        return tokenId.toString();
    }
}
