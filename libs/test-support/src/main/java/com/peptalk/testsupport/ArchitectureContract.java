package com.peptalk.testsupport;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The layout rules of docs/architecture.md ("Architecture rules"), run by every service's {@code ArchitectureTests},
 * which extends this class and says only its root package and, per feature, the features it may use: its features
 * use only what they declare, it depends on no other service, and the shared libraries on its class path hold no
 * business rules. Widen a feature's list on purpose, in review, never to make a build pass.
 */
public abstract class ArchitectureContract {

    private static final JavaClasses CLASSES = Architecture.productionClasses();

    /** The service's root package, such as {@code com.peptalk.token}. */
    protected abstract String root();

    /** Per feature (a direct subpackage of {@link #root()}), the features it may use. */
    protected abstract Map<String, Set<String>> features();

    /** The platform rules that apply to this service (all of {@link Architecture#platformRules} by default). */
    protected List<ArchRule> platformRules() {
        return Architecture.platformRules(root());
    }

    @Test
    void featuresUseOnlyTheFeaturesTheyDeclare() {
        Architecture.featuresUseOnlyWhatTheyDeclare(root(), features()).check(CLASSES);
    }

    @Test
    void dependsOnNoOtherServiceAndTheSharedLibrariesHoldNoBusinessRules() {
        for (ArchRule rule : platformRules()) {
            rule.check(CLASSES);
        }
    }
}
