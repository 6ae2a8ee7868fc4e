package com.peptalk.token;

import com.peptalk.testsupport.Architecture;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

/**
 * The layout rules of docs/architecture.md ("Architecture rules") for this service: its features use only the
 * features declared below, it depends on no other service, and the shared libraries on its class path hold no
 * business rules. Widen a feature's list on purpose, in review, never to make a build pass.
 */
class ArchitectureTests {

    private static final String ROOT = "com.peptalk.token";

    /** Per feature (a package under {@link #ROOT}), the features it may use. */
    private static final Map<String, Set<String>> FEATURES = Map.of(
            "admin", Set.of("tokens", "refusals"),
            "directory", Set.of("tokens", "refusals", "web"),
            "tokens", Set.of("refusals", "web"),
            "web", Set.of("refusals"),
            "refusals", Set.of());

    private static final JavaClasses CLASSES = Architecture.productionClasses();

    @Test
    void featuresUseOnlyTheFeaturesTheyDeclare() {
        Architecture.featuresUseOnlyWhatTheyDeclare(ROOT, FEATURES).check(CLASSES);
    }

    @Test
    void dependsOnNoOtherServiceAndTheSharedLibrariesHoldNoBusinessRules() {
        for (ArchRule rule : Architecture.platformRules(ROOT)) {
            rule.check(CLASSES);
        }
    }
}
