package com.peptalk.testsupport;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The architecture rules every service checks in its {@code ArchitectureTests} (docs/architecture.md, "Architecture
 * rules"), written once here. Each rule names the packages it is about, so a test can also run it on a seeded
 * violation.
 *
 * <ul>
 * <li><b>Features</b>: a service's code lives in feature packages, the direct subpackages of its root package
 * ({@code com.peptalk.token.tokens}); only the application class sits in the root. Each service declares, per
 * feature, which other features it may use; any other dependency between features (a class, a method, a field, an
 * annotation of another feature) breaks the rule, and so does a feature nobody declared. A feature's internals are
 * everything the declaration does not open to it: package-private types are already closed by the compiler; the
 * declaration closes the public ones too.</li>
 * <li><b>Services</b>: no class of a service depends on a class of another service (they talk through events and
 * HTTP only, and share no module).</li>
 * <li><b>Shared libraries</b> ({@code com.peptalk.events}, {@code com.peptalk.tokencontracts},
 * {@code com.peptalk.tokenclient}, {@code com.peptalk.testsupport}) hold no business rules: they depend on no service, and the event contracts
 * ({@code com.peptalk.events.<area>}) are data only: records and enums (plus the key helpers of a topic), with no
 * Spring in them.</li>
 * </ul>
 */
public final class Architecture {

    /** The root package of every service, by the service's short name. */
    public static final Map<String, String> SERVICES = services("com.peptalk");

    /** The packages of the shared libraries ({@code libs/}). */
    public static final List<String> SHARED_LIBRARIES = List.of("com.peptalk.events..",
            "com.peptalk.tokencontracts..", "com.peptalk.tokenclient..", "com.peptalk.trackinglinks..", "com.peptalk.web..",
            "com.peptalk.testsupport..");

    private Architecture() {
    }

    /** The production classes under {@code com.peptalk}: the service's own and the shared libraries on its path. */
    public static JavaClasses productionClasses() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.peptalk");
    }

    /**
     * Feature packages of {@code root} depend only on the features declared for them; every feature is declared.
     *
     * @param root the service's root package, such as {@code com.peptalk.token}
     * @param mayUse for each feature (a direct subpackage's name), the features it may use
     */
    public static ArchRule featuresUseOnlyWhatTheyDeclare(String root, Map<String, Set<String>> mayUse) {
        Architectures.LayeredArchitecture rule = Architectures.layeredArchitecture().consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true);
        for (String feature : mayUse.keySet()) {
            rule = rule.layer(feature).definedBy(root + "." + feature + "..");
        }
        for (Map.Entry<String, Set<String>> entry : mayUse.entrySet()) {
            rule = entry.getValue().isEmpty() ? rule.whereLayer(entry.getKey()).mayNotAccessAnyLayer()
                    : rule.whereLayer(entry.getKey()).mayOnlyAccessLayers(entry.getValue().toArray(String[]::new));
        }
        // every class of the service is in a declared feature, but the application class in the root package
        return rule.ensureAllClassesAreContainedInArchitectureIgnoring(
                JavaClass.Predicates.resideOutsideOfPackage(root + "..").or(JavaClass.Predicates.resideInAPackage(root)))
                .as("features of " + root + " use only the features they declare: " + mayUse);
    }

    /** No class of the service at {@code root} depends on a class of another service. */
    public static ArchRule doesNotDependOnOtherServices(String root, Map<String, String> services) {
        List<String> others = new ArrayList<>();
        services.values().stream().filter(other -> !other.equals(root)).forEach(other -> others.add(other + ".."));
        return noClasses().that().resideInAPackage(root + "..").should().dependOnClassesThat()
                .resideInAnyPackage(others.toArray(String[]::new))
                .as(root + " depends on no other service");
    }

    /** The shared libraries depend on no service. */
    public static ArchRule sharedLibrariesDependOnNoService(List<String> libraries, Map<String, String> services) {
        return noClasses().that().resideInAnyPackage(libraries.toArray(String[]::new)).should().dependOnClassesThat()
                .resideInAnyPackage(services.values().stream().map(root -> root + "..").toArray(String[]::new))
                .as("shared libraries depend on no service");
    }

    /**
     * The event contracts of {@code eventsRoot} ({@code com.peptalk.events}: one subpackage per topic area, the
     * runtime aside) are records and enums, besides a topic's key helpers ({@code *Keys}), and use no Spring.
     */
    public static ArchRule eventContractsAreData(String eventsRoot) {
        return classes().that().resideInAPackage(eventsRoot + ".*").and().resideOutsideOfPackage(eventsRoot + ".runtime..")
                .and().doNotHaveSimpleName("package-info")
                .and().haveSimpleNameNotEndingWith("Keys")
                .should().beRecords().orShould().beEnums()
                .andShould().onlyDependOnClassesThat().resideOutsideOfPackage("org.springframework..")
                .as("event contracts in " + eventsRoot + ".<area> are records and enums without Spring");
    }

    /** The platform's rules that hold for every service at {@code root}, with the platform's names. */
    public static List<ArchRule> platformRules(String root) {
        return List.of(doesNotDependOnOtherServices(root, SERVICES),
                sharedLibrariesDependOnNoService(SHARED_LIBRARIES, SERVICES),
                eventContractsAreData("com.peptalk.events"));
    }

    /** The services' root packages under {@code base}: {@code base.gateway}, {@code base.token}, ... */
    public static Map<String, String> services(String base) {
        Map<String, String> services = new LinkedHashMap<>();
        for (String name : List.of("gateway", "token", "iframe", "automation", "delivery", "tracking", "heartbeat")) {
            services.put(name, base + "." + name);
        }
        return Map.copyOf(services);
    }
}
