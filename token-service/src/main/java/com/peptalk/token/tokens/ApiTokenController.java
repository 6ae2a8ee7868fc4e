package com.peptalk.token.tokens;

import com.peptalk.events.tokens.ApiTokenType;
import com.peptalk.web.idempotency.CarriesSecret;
import com.peptalk.token.web.ApiProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Token administration: list and read (never the secret), issue, rotate, revoke. */
@RestController
@RequestMapping("/api/tokens")
class ApiTokenController {

    private final ApiTokens tokens;
    private final ApiProperties api;

    ApiTokenController(ApiTokens tokens, ApiProperties api) {
        this.tokens = tokens;
        this.api = api;
    }

    @GetMapping
    List<ApiTokenView> list(@RequestParam Optional<ApiTokenType> resourceType,
            @RequestParam Optional<@Positive Long> resourceId,
            @RequestParam(defaultValue = "50") @Min(1) @Max(1000) int limit) {
        return tokens.list(resourceType, resourceId, Math.min(limit, api.maxPageSize()));
    }

    @GetMapping("/{id}")
    ApiTokenView get(@PathVariable UUID id) {
        return tokens.view(id);
    }

    @PostMapping
    @CarriesSecret
    ResponseEntity<RevealedToken> issue(@Valid @RequestBody IssueTokenRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(tokens.issue(request));
    }

    @PostMapping("/{id}/rotate")
    @CarriesSecret
    RevealedToken rotate(@PathVariable UUID id) {
        return tokens.rotate(id);
    }

    @PostMapping("/{id}/revoke")
    ApiTokenView revoke(@PathVariable UUID id) {
        return tokens.revoke(id);
    }
}
