package com.peptalk.tokencontracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.peptalk.events.tokens.ApiTokenType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * token-service's answer to "is this token good, and what may it see?" (in the spirit of RFC 7662). token-service
 * decides everything in it; a client only reads it.
 * <ul>
 * <li>An inactive token gets {@code {"active": false}} and nothing else, whatever the reason.</li>
 * <li>{@code projectIds}: the projects the token may see (a group's live members, a project itself, a company's or
 * user's live projects); left out when there are none, and read as empty when missing.</li>
 * <li>{@code procoreApp}: how the Procore app opens with the token; left out for a token that does not open it.</li>
 * </ul>
 * Unknown fields are ignored when reading, so token-service can add one before every client knows it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Introspection(boolean active, UUID tokenId, ApiTokenType apiTokenType, String resourceType,
        Long resourceId, Long companyId, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Long> projectIds,
        Instant expiresAt, ProcoreApp procoreApp) {

    public static final Introspection INACTIVE = new Introspection(false, null, null, null, null, null, List.of(),
            null, null);

    public Introspection {
        projectIds = projectIds == null ? List.of() : List.copyOf(projectIds);
    }

    /** The answer for a live token of a live resource; its {@code resourceType} is the kind's model name. */
    public static Introspection active(UUID tokenId, ApiTokenType apiTokenType, long resourceId, long companyId,
            List<Long> projectIds, Instant expiresAt, ProcoreApp procoreApp) {
        return new Introspection(true, tokenId, apiTokenType, apiTokenType.resourceType(), resourceId, companyId,
                projectIds, expiresAt, procoreApp);
    }

    /** Whether the token is active and {@code projectId} is among the projects it may see. */
    public boolean maySee(long projectId) {
        return active && projectIds.contains(projectId);
    }
}
