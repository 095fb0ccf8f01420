package org.sweetie.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Dependencies point inward: the domain core knows nothing else, capabilities know the core, only app knows all. */
class ArchitectureTest {
    private static final JavaClasses SWEETIE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.sweetie");

    @Test
    void theCoreUsesOnlyTheJdk() {
        classes().that().resideInAPackage("org.sweetie.core..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("org.sweetie.core..", "java..")
                .check(SWEETIE);
    }

    @Test
    void theCoreHasNoSqlNoJsonNoFramework() {
        noClasses().that().resideInAPackage("org.sweetie.core..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax..", "com.fasterxml..")
                .check(SWEETIE);
    }

    /** A recipient runs the verifier alone: it needs the JDK, Bouncy Castle (timestamps) and Jackson only. */
    @Test
    void theBundleVerifierNeedsNoStoreNoNetworkNoSweetieButTheCore() {
        classes().that().haveSimpleNameStartingWith("BundleVerifier")
                .should().onlyDependOnClassesThat().resideInAnyPackage("org.sweetie.evidence..", "org.sweetie.core..",
                        "java.lang..", "java.util..", "java.io..", "java.nio..", "java.security..", "java.time..",
                        "java.math..", "org.bouncycastle..", "com.fasterxml.jackson..")
                .check(SWEETIE);
        noClasses().that().haveSimpleNameStartingWith("BundleVerifier")
                .should().dependOnClassesThat().resideInAnyPackage("java.net..", "java.sql..")
                .check(SWEETIE);
    }

    /**
     * Rule 3: nothing a partner sends is fetched. No Sweetie class but the timestamp client (whose URL is the
     * operator's configuration) can make an HTTP request or open a URL; chat connections are the libraries'.
     */
    @Test
    void nothingFetchesUrls() {
        noClasses().that().doNotHaveSimpleName("Rfc3161Client")
                .should().dependOnClassesThat().resideInAnyPackage("java.net.http..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.URL")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.URLConnection")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.HttpURLConnection")
                .check(SWEETIE);
    }

    @Test
    void capabilitiesDoNotKnowEachOther() {
        noClasses().that().resideInAPackage("org.sweetie.capture..")
                .should().dependOnClassesThat().resideInAnyPackage("org.sweetie.store..", "org.sweetie.app..",
                        "org.sweetie.evidence..", "org.sweetie.analysis..")
                .check(SWEETIE);
        noClasses().that().resideInAPackage("org.sweetie.store..")
                .should().dependOnClassesThat().resideInAnyPackage("org.sweetie.capture..", "org.sweetie.app..",
                        "org.sweetie.evidence..")
                .check(SWEETIE);
        noClasses().that().resideInAPackage("org.sweetie.evidence..")
                .should().dependOnClassesThat().resideInAnyPackage("org.sweetie.store..", "org.sweetie.capture..",
                        "org.sweetie.app..", "org.sweetie.analysis..")
                .check(SWEETIE);
        noClasses().that().resideInAPackage("org.sweetie.analysis..")
                .should().dependOnClassesThat().resideInAnyPackage("org.sweetie.store..", "org.sweetie.capture..",
                        "org.sweetie.app..", "org.sweetie.evidence..")
                .check(SWEETIE);
    }
}
