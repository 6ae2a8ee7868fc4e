package com.peptalk.tracking;

import com.peptalk.testsupport.ArchitectureContract;

import java.util.Map;
import java.util.Set;

/**
 * The layout rules of docs/architecture.md ("Architecture rules") for this service: its features use only the
 * features declared below, it depends on no other service, and the shared libraries on its class path hold no
 * business rules. Widen a feature's list on purpose, in review, never to make a build pass.
 */
class ArchitectureTests extends ArchitectureContract {

    @Override
    protected String root() {
        return "com.peptalk.tracking";
    }

    @Override
    protected Map<String, Set<String>> features() {
        return Map.of(
                "webhooklog", Set.of(),
                "ses", Set.of("webhooklog"),
                "twilio", Set.of("webhooklog"),
                "procore", Set.of("webhooklog"),
                "links", Set.of("webhooklog"),
                "kiosks", Set.of());
    }
}
