package com.peptalk.token.tokens;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.util.List;

/** The "Generate API tokens" batch action: the selected project groups. */
public record GenerateTokensRequest(
        @NotEmpty @Size(max = 500) List<@NotNull @Positive Long> projectGroupIds) {
}
