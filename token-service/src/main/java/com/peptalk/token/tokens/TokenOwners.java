package com.peptalk.token.tokens;

import com.peptalk.events.tokens.ApiTokenType;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * What issuing a token needs to know about the resource it belongs to. The directory owns those resources and
 * answers (it implements this), so this feature never reads the directory's tables or entities.
 */
public interface TokenOwners {

    /**
     * The company of each given project group that exists, by group id; each group's row is taken for update, in id
     * order, until the caller's transaction ends (two batches over the same groups run one after the other).
     */
    Map<Long, Long> lockProjectGroups(Collection<Long> projectGroupIds);

    /**
     * The company of an active company (itself), of an active user or of a project that is not archived; empty when
     * there is none.
     */
    Optional<Long> activeCompanyOf(ApiTokenType kind, long resourceId);

    boolean exists(ApiTokenType kind, long resourceId);
}
