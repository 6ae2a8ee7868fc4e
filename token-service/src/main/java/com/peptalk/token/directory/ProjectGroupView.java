package com.peptalk.token.directory;

import java.time.Instant;
import java.util.List;

/** A project group as the API shows it, with its members' ids in ascending order. */
public record ProjectGroupView(long id, long companyId, String name, List<Long> projectIds, Instant createdAt,
        Instant updatedAt) {

    public ProjectGroupView {
        projectIds = List.copyOf(projectIds);
    }
}
