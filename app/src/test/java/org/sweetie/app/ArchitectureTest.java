package org.sweetie.app;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.sweetie.core.ChatNetwork;
import org.sweetie.core.Outlet;

/** Dependencies point inward: the domain core knows nothing else, capabilities know the core, only app knows all. */
class ArchitectureTest {
    private static final JavaClasses SWEETIE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("-tests.jar")) // other modules' test helpers
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
     * Rule 3: nothing a partner sends is fetched. No Sweetie class but the timestamp client and the operator command
     * (whose URLs are the deployment's own configuration) can make an HTTP request or open a URL, and the console
     * bench's browser, which reaches only the console it started on 127.0.0.1; chat connections are the libraries'.
     */
    @Test
    void nothingFetchesUrls() {
        noClasses().that().doNotHaveSimpleName("Rfc3161Client").and().doNotHaveSimpleName("OperatorCommand")
                .and().doNotHaveSimpleName("LoopbackBrowser")
                .should().dependOnClassesThat().resideInAnyPackage("java.net.http..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.URL")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.URLConnection")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.HttpURLConnection")
                .check(SWEETIE);
    }

    /**
     * Rule 2: every outgoing line passes one guard on one code path. Only the live outlet says anything on a
     * network, and only the guarded sender hands it lines.
     */
    @Test
    void everyOutgoingLinePassesTheGuardedSender() {
        noClasses().that().doNotHaveSimpleName("LiveOutlet")
                .should().callMethodWhere(target(name("send")).and(target(owner(assignableTo(ChatNetwork.class)))))
                .because("only the outlet the guarded sender uses may say something on a network")
                .check(SWEETIE);
        noClasses().that().doNotHaveSimpleName("GuardedSender").and().doNotHaveSimpleName("OutboundRelay")
                .should().callMethodWhere(target(name("send")).and(target(owner(assignableTo(Outlet.class)))))
                .because("only the guarded sender may use the outlet (and a capture node's relay, which says the "
                        + "lines the guarded sender published through the Kafka outlet)")
                .check(SWEETIE);
    }

    /**
     * Rule 2 with capture nodes: the relay on a node says only lines of the outbound topic, and only the Kafka outlet
     * (an outlet, so used by the guarded sender alone) makes them; the relay itself publishes none.
     */
    @Test
    void onlyTheKafkaOutletMakesOutboundLinesAndTheRelayOnlyReadsThem() {
        noClasses().that().doNotHaveSimpleName("KafkaOutlet").and().doNotHaveSimpleName("OutboundLine")
                .should().callConstructorWhere(target(owner(name("org.sweetie.pipeline.OutboundLine"))))
                .because("an outbound line is a line the guard allowed: only the guarded sender's outlet makes one")
                .check(SWEETIE);
        noClasses().that().doNotHaveSimpleName("KafkaOutlet")
                .should().callMethodWhere(target(name("encode"))
                        .and(target(owner(name("org.sweetie.pipeline.OutboundLine")))))
                .check(SWEETIE);
        noClasses().that().haveSimpleName("OutboundRelay")
                .should().dependOnClassesThat().haveSimpleName("KafkaOutlet")
                .check(SWEETIE);
    }

    /** The pipeline carries what capture and the persona's outlet hand it; it stores, analyses and decides nothing. */
    @Test
    void thePipelineKnowsCaptureAndTheCoreOnly() {
        noClasses().that().resideInAPackage("org.sweetie.pipeline..")
                .should().dependOnClassesThat().resideInAnyPackage("org.sweetie.store..", "org.sweetie.app..",
                        "org.sweetie.evidence..", "org.sweetie.analysis..", "org.sweetie.persona..",
                        "org.sweetie.web..", "java.sql..")
                .check(SWEETIE);
        noClasses().that().resideOutsideOfPackages("org.sweetie.pipeline..", "org.sweetie.app..")
                .should().dependOnClassesThat().resideInAPackage("org.sweetie.pipeline..")
                .check(SWEETIE);
    }

    /**
     * The console is a way in beside the command line: it uses the same use cases (core, analysis, identity,
     * evidence, referral: the packages and their headline table are one implementation for both), never the command
     * line, the database, capture or the persona; and nothing but the command line knows it.
     */
    @Test
    void theConsoleUsesTheUseCasesAndOnlyTheCommandLineKnowsIt() {
        noClasses().that().resideInAPackage("org.sweetie.web..")
                .should().dependOnClassesThat().resideInAnyPackage("org.sweetie.app..", "org.sweetie.store..",
                        "org.sweetie.capture..", "org.sweetie.persona..", "java.sql..")
                .check(SWEETIE);
        noClasses().that().resideOutsideOfPackages("org.sweetie.web..", "org.sweetie.app..")
                .should().dependOnClassesThat().resideInAPackage("org.sweetie.web..")
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
        noClasses().that().resideInAPackage("org.sweetie.persona..")
                .should().dependOnClassesThat().resideInAnyPackage("org.sweetie.store..", "org.sweetie.capture..",
                        "org.sweetie.app..", "org.sweetie.evidence..")
                .because("the persona reads drafts with the analysis and speaks through the core's Outlet only")
                .check(SWEETIE);
        noClasses().that().resideInAPackage("org.sweetie.analysis..")
                .should().dependOnClassesThat().resideInAnyPackage("org.sweetie.store..", "org.sweetie.capture..",
                        "org.sweetie.app..", "org.sweetie.evidence..", "org.sweetie.persona..")
                .check(SWEETIE);
    }
}
