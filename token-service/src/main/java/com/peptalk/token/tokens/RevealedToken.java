package com.peptalk.token.tokens;

import com.peptalk.events.tokens.ApiTokenType;

import java.net.URI;
import java.util.UUID;

/**
 * A token as an admin copies it into Procore's configuration ("View Procore Report", "Open Procore"), with
 * the ready iframe URL.
 */
public record RevealedToken(UUID tokenId, ApiTokenType apiTokenType, String resourceType, long resourceId, String token,
        URI iframeUrl) {
}
