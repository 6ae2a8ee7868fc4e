package com.peptalk.token.tokens;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.peptalk.events.tokens.ApiTokenType;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import java.util.Arrays;

/** Issues a token for a company or a user (projects get theirs on creation, groups by the batch action). */
public record IssueTokenRequest(@NotNull Kind resourceType, @NotNull @Positive Long resourceId) {

    /** The kinds of {@link ApiTokenType} that can be given an extra token through this request. */
    public enum Kind {
        COMPANY(ApiTokenType.COMPANY), USER(ApiTokenType.USER);

        private final ApiTokenType type;

        Kind(ApiTokenType type) {
            this.type = type;
        }

        public ApiTokenType type() {
            return type;
        }

        /** Any spelling of {@link ApiTokenType#parse} ({@code company}, {@code Company}, {@code COMPANY}). */
        @JsonCreator
        static Kind of(String text) {
            ApiTokenType type = ApiTokenType.parse(text);
            return Arrays.stream(values()).filter(kind -> kind.type == type).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("not company or user"));
        }
    }
}
