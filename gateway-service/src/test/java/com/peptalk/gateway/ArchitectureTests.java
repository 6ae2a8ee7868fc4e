package com.peptalk.gateway;

import com.peptalk.testsupport.Architecture;
import com.peptalk.testsupport.ArchitectureContract;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The layout rules of docs/architecture.md ("Architecture rules") for the gateway: its features use only the
 * features declared below, it depends on no other service, and the shared libraries on its class path hold no
 * business rules. Widen a feature's list on purpose, in review, never to make a build pass. And the features
 * depend on each other without cycles.
 */
class ArchitectureTests extends ArchitectureContract {

    @Override
    protected String root() {
        return "com.peptalk.gateway";
    }

    @Override
    protected Map<String, Set<String>> features() {
        return Map.ofEntries(
                Map.entry("admin", Set.of("forwarded", "identity", "problems", "ratelimit", "requestid", "routing")),
                Map.entry("edge", Set.of("problems")),
                Map.entry("forwarded", Set.of("identity", "requestid", "routing")),
                Map.entry("headers", Set.of()),
                Map.entry("health", Set.of("routing")),
                Map.entry("identity", Set.of()),
                Map.entry("problems", Set.of("requestid")),
                Map.entry("ratelimit", Set.of("forwarded", "identity", "problems", "requestid", "routing")),
                Map.entry("requestid", Set.of()),
                Map.entry("routing", Set.of("problems", "requestid")));
    }

    @Test
    void featuresDependOnEachOtherWithoutCycles() {
        SlicesRuleDefinition.slices().matching(root() + ".(*)..").should().beFreeOfCycles()
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages(root()));
    }

    /** The platform rules but the event contracts' (the gateway has no Kafka and no event contracts). */
    @Override
    protected List<ArchRule> platformRules() {
        return List.of(Architecture.doesNotDependOnOtherServices(root(), Architecture.SERVICES),
                Architecture.sharedLibrariesDependOnNoService(Architecture.SHARED_LIBRARIES, Architecture.SERVICES));
    }
}
