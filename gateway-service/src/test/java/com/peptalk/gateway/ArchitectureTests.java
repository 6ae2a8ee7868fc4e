package com.peptalk.gateway;

import com.peptalk.testsupport.Architecture;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The layout rules of docs/architecture.md ("Architecture rules") for the gateway: its features use only the
 * features declared below, it depends on no other service, and the shared libraries on its class path hold no
 * business rules. Widen a feature's list on purpose, in review, never to make a build pass.
 */
class ArchitectureTests {

    private static final String ROOT = "com.peptalk.gateway";

    /** Per feature (a package under {@link #ROOT}), the features it may use. */
    private static final Map<String, Set<String>> FEATURES = Map.ofEntries(
            Map.entry("admin", Set.of("forwarded", "identity", "problems", "ratelimit", "requestid", "routing")),
            Map.entry("edge", Set.of("problems")),
            Map.entry("forwarded", Set.of("admin", "identity", "requestid")),
            Map.entry("headers", Set.of()),
            Map.entry("health", Set.of("routing")),
            Map.entry("identity", Set.of()),
            Map.entry("problems", Set.of("requestid")),
            Map.entry("ratelimit", Set.of("admin", "forwarded", "problems", "requestid", "routing")),
            Map.entry("requestid", Set.of()),
            Map.entry("routing", Set.of("problems", "ratelimit", "requestid")));

    private static final JavaClasses CLASSES = Architecture.productionClasses();

    @Test
    void featuresUseOnlyTheFeaturesTheyDeclare() {
        Architecture.featuresUseOnlyWhatTheyDeclare(ROOT, FEATURES).check(CLASSES);
    }

    /** The platform rules but the event contracts' (the gateway has no Kafka and no event contracts). */
    @Test
    void dependsOnNoOtherServiceAndTheSharedLibrariesHoldNoBusinessRules() {
        for (ArchRule rule : List.of(Architecture.doesNotDependOnOtherServices(ROOT, Architecture.SERVICES),
                Architecture.sharedLibrariesDependOnNoService(Architecture.SHARED_LIBRARIES, Architecture.SERVICES))) {
            rule.check(CLASSES);
        }
    }
}
