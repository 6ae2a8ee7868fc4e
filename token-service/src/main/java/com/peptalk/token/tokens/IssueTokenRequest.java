package com.peptalk.token.tokens;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/** Issues a token for a company or a user (projects get theirs on creation, groups by the batch action). */
public record IssueTokenRequest(@NotNull Kind resourceType, @NotNull @Positive Long resourceId) {

    /** The resources that can be given an extra token through this request. */
    public enum Kind {
        COMPANY, USER;

        /** {@code company}, {@code Company} or {@code COMPANY}: the spellings the API emits. */
        @com.fasterxml.jackson.annotation.JsonCreator
        static Kind of(String text) {
            return valueOf(text.toUpperCase(java.util.Locale.ROOT));
        }
    }
}
