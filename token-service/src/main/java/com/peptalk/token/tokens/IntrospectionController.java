package com.peptalk.token.tokens;

import com.peptalk.tokencontracts.Introspection;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Introspection for the other services. Under {@code /internal}, which the gateway never routes: only callers
 * inside the cluster reach it (a network policy in Kubernetes).
 */
@RestController
class IntrospectionController {

    private final TokenIntrospector introspector;

    IntrospectionController(TokenIntrospector introspector) {
        this.introspector = introspector;
    }

    @PostMapping("/internal/tokens/introspect")
    Introspection introspect(@Valid @RequestBody IntrospectionRequest request) {
        return introspector.introspect(request.token());
    }
}
