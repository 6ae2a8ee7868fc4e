package com.peptalk.automation;

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
        return "com.peptalk.automation";
    }

    @Override
    protected Map<String, Set<String>> features() {
        return Map.of(
                "refusals", Set.of(),
                "projects", Set.of(),
                "recipients", Set.of("projects", "refusals"),
                "templates", Set.of("refusals"),
                "workflows", Set.of("projects", "templates", "refusals"),
                "runs", Set.of("workflows", "projects", "recipients", "templates", "refusals"),
                "triggers", Set.of("runs", "workflows", "projects", "refusals"),
                "cadence", Set.of("runs", "workflows", "projects"));
    }
}
