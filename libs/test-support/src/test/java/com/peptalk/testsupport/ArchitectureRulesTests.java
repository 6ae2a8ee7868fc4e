package com.peptalk.testsupport;

import com.peptalk.testsupport.archfixture.events.comms.MessageSent;
import com.peptalk.testsupport.archfixture.events.comms.SeededBusinessRule;
import com.peptalk.testsupport.archfixture.iframe.dashboard.Dashboard;
import com.peptalk.testsupport.archfixture.token.admin.AdminPage;
import com.peptalk.testsupport.archfixture.token.tokens.SeededServiceViolation;
import com.peptalk.testsupport.archfixture.token.tokens.Tokens;
import com.peptalk.testsupport.archfixture.token.web.Problem;
import com.peptalk.testsupport.archfixture.token.web.SeededFeatureViolation;
import com.peptalk.testsupport.archfixture.tokenclient.SeededLibraryViolation;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rules of {@link Architecture} hold on a well-formed miniature platform ({@code archfixture}) and fail, naming
 * the culprit, as soon as one seeded violation is added to it: what each service's {@code ArchitectureTests} would
 * do on such a change.
 */
class ArchitectureRulesTests {

    private static final String BASE = "com.peptalk.testsupport.archfixture";
    private static final String TOKEN = BASE + ".token";
    private static final Map<String, String> SERVICES = Architecture.services(BASE);
    private static final List<String> LIBRARIES = List.of(BASE + ".events..", BASE + ".tokenclient..");
    private static final Map<String, Set<String>> TOKEN_FEATURES = Map.of("admin", Set.of("tokens", "web"),
            "tokens", Set.of("web"), "web", Set.of());

    private static final List<Class<?>> WELL_FORMED = List.of(Problem.class, Tokens.class, AdminPage.class,
            Dashboard.class, MessageSent.class);

    @Test
    void featuresUsingOnlyWhatTheyDeclarePassAndAFeatureReachingIntoAnUndeclaredOneFails() {
        ArchRule rule = Architecture.featuresUseOnlyWhatTheyDeclare(TOKEN, TOKEN_FEATURES);

        assertThatCode(() -> rule.check(wellFormedWith())).doesNotThrowAnyException();
        assertThatThrownBy(() -> rule.check(wellFormedWith(SeededFeatureViolation.class)))
                .isInstanceOf(AssertionError.class).hasMessageContaining(SeededFeatureViolation.class.getName())
                .hasMessageContaining(AdminPage.class.getName());
    }

    @Test
    void aFeatureNobodyDeclaredFails() {
        ArchRule rule = Architecture.featuresUseOnlyWhatTheyDeclare(TOKEN,
                Map.of("tokens", Set.of("web"), "web", Set.of()));

        assertThatThrownBy(() -> rule.check(wellFormedWith())).isInstanceOf(AssertionError.class)
                .hasMessageContaining(AdminPage.class.getName());
    }

    @Test
    void aServiceUsingAnotherServicesClassFails() {
        ArchRule rule = Architecture.doesNotDependOnOtherServices(TOKEN, SERVICES);

        assertThatCode(() -> rule.check(wellFormedWith())).doesNotThrowAnyException();
        assertThatThrownBy(() -> rule.check(wellFormedWith(SeededServiceViolation.class)))
                .isInstanceOf(AssertionError.class).hasMessageContaining(SeededServiceViolation.class.getName())
                .hasMessageContaining(Dashboard.class.getName());
    }

    @Test
    void aSharedLibraryUsingAServiceFails() {
        ArchRule rule = Architecture.sharedLibrariesDependOnNoService(LIBRARIES, SERVICES);

        assertThatCode(() -> rule.check(wellFormedWith())).doesNotThrowAnyException();
        assertThatThrownBy(() -> rule.check(wellFormedWith(SeededLibraryViolation.class)))
                .isInstanceOf(AssertionError.class).hasMessageContaining(SeededLibraryViolation.class.getName());
    }

    @Test
    void aBusinessRuleInTheEventContractsFails() {
        ArchRule rule = Architecture.eventContractsAreData(BASE + ".events");

        assertThatCode(() -> rule.check(wellFormedWith())).doesNotThrowAnyException();
        assertThatThrownBy(() -> rule.check(wellFormedWith(SeededBusinessRule.class)))
                .isInstanceOf(AssertionError.class).hasMessageContaining(SeededBusinessRule.class.getName());
    }

    private static JavaClasses wellFormedWith(Class<?>... seeded) {
        List<Class<?>> classes = new java.util.ArrayList<>(WELL_FORMED);
        classes.addAll(List.of(seeded));
        return new ClassFileImporter().importClasses(classes);
    }
}
