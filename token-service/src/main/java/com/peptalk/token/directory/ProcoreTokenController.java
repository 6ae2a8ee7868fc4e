package com.peptalk.token.directory;

import com.peptalk.token.tokens.ApiTokens;
import com.peptalk.token.tokens.GenerateTokensRequest;
import com.peptalk.token.tokens.GenerateTokensResult;
import com.peptalk.token.tokens.RevealedToken;
import com.peptalk.web.idempotency.CarriesSecret;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The seed's admin actions on the directory: "Generate API tokens" for selected project groups, "Open Procore"
 * for a group and "View Procore Report" for a project (token and ready iframe URL). They live with the directory,
 * whose URLs they extend; the tokens feature does the work.
 */
@RestController
@RequestMapping("/api/directory")
class ProcoreTokenController {

    private final ApiTokens tokens;

    ProcoreTokenController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @PostMapping("/project-groups/api-tokens")
    @CarriesSecret
    GenerateTokensResult generate(@Valid @RequestBody GenerateTokensRequest request) {
        return tokens.generateForProjectGroups(request.projectGroupIds());
    }

    @GetMapping("/project-groups/{id}/procore")
    RevealedToken openProcore(@PathVariable @Positive long id) {
        return tokens.openProcore(id);
    }

    @GetMapping("/projects/{id}/procore-report")
    RevealedToken viewProcoreReport(@PathVariable @Positive long id) {
        return tokens.projectReport(id);
    }
}
