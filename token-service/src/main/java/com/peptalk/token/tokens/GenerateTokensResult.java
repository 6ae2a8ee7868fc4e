package com.peptalk.token.tokens;

import java.util.List;

/** Which of the selected groups got a new token, and which were skipped because they already had one. */
public record GenerateTokensResult(List<Long> created, List<Long> skipped) {
}
