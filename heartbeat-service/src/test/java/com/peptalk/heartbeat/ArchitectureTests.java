package com.peptalk.heartbeat;

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
        return "com.peptalk.heartbeat";
    }

    @Override
    protected Map<String, Set<String>> features() {
        return Map.of(
                "kiosks", Set.of("history"),
                "history", Set.of(),
                "dashboard", Set.of("kiosks", "history"),
                "samples", Set.of());
    }
}
