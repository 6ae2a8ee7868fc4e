package com.peptalk.tokenclient;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * token-service's answer about a presented token. Inactive answers carry nothing else; for an active one,
 * {@code projectIds} are the projects it may see (a group's members; a project itself).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Introspection(boolean active, UUID tokenId, String apiTokenType, String resourceType, Long resourceId,
        Long companyId, List<Long> projectIds, Instant expiresAt) {

    public static final Introspection INACTIVE = new Introspection(false, null, null, null, null, null, List.of(),
            null);

    public Introspection {
        projectIds = projectIds == null ? List.of() : List.copyOf(projectIds);
    }

    public boolean isProjectGroup() {
        return "project_group".equals(apiTokenType);
    }

    public boolean maySee(long projectId) {
        return active && projectIds.contains(projectId);
    }
}
