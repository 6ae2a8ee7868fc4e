package com.peptalk.token.tokens;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The answer to "is this token good, and what may it see?" (in the spirit of RFC 7662): an inactive token gets
 * {@code {"active": false}} and nothing else, whatever the reason.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Introspection(boolean active, UUID tokenId, String apiTokenType, String resourceType, Long resourceId,
        Long companyId, List<Long> projectIds, Instant expiresAt) {

    static final Introspection INACTIVE = new Introspection(false, null, null, null, null, null, null, null);
}
