package dev.roomcall.app;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.roomcall.app.call.CallController;
import dev.roomcall.app.headless.JsonLinesReporter;
import dev.roomcall.app.support.ProcessExit;
import dev.roomcall.media.MediaEngine;
import dev.roomcall.media.session.PeerSession;
import org.junit.jupiter.api.Test;

/**
 * The layering, checked on the compiled classes. From the top: {@link Main}; the window ({@code app.ui}) and the
 * headless run; the runtime ({@code dev.roomcall.app}: engine, built-in server, server choice); the presentation
 * models ({@code app.presentation}, toolkit-free); the call ({@code app.call}); media and signaling. A layer uses
 * only layers below it. Settings, texts and crash support are shared by all and are no layer.
 */
class ArchitectureTest {

    private static final JavaClasses ROOMCALL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.roomcall");

    @Test
    void eachLayerUsesOnlyTheLayersBelowIt() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Main").definedBy(belongToAnyOf(Main.class))
                .layer("UI").definedBy("dev.roomcall.app.ui..")
                .layer("Headless").definedBy("dev.roomcall.app.headless..")
                .layer("Runtime").definedBy(resideInAPackage("dev.roomcall.app").and(not(belongToAnyOf(Main.class))))
                .layer("Presentation").definedBy("dev.roomcall.app.presentation..")
                .layer("Call").definedBy("dev.roomcall.app.call..")
                .layer("Media").definedBy("dev.roomcall.media..")
                .layer("Signaling").definedBy("dev.roomcall.signaling..")
                .whereLayer("UI").mayOnlyBeAccessedByLayers("Main")
                .whereLayer("Headless").mayOnlyBeAccessedByLayers("Main")
                .whereLayer("Runtime").mayOnlyBeAccessedByLayers("Main", "UI", "Headless")
                .whereLayer("Presentation").mayOnlyBeAccessedByLayers("UI", "Runtime")
                .whereLayer("Call").mayOnlyBeAccessedByLayers("UI", "Headless", "Runtime", "Presentation")
                .whereLayer("Media").mayOnlyBeAccessedByLayers("UI", "Headless", "Runtime", "Presentation", "Call")
                .whereLayer("Signaling")
                .mayOnlyBeAccessedByLayers("UI", "Headless", "Runtime", "Presentation", "Call", "Media")
                .check(ROOMCALL);
    }

    @Test
    void theWindowNeverSeesTheMediaEngineNorTheCallsPlumbing() {
        noClasses().that().resideInAPackage("dev.roomcall.app.ui..")
                .should().dependOnClassesThat().belongToAnyOf(MediaEngine.class, PeerSession.class, CallController.class)
                .check(ROOMCALL);
    }

    @Test
    void onlyMainReadsTheCommandLine() {
        classes().that().resideInAPackage("dev.roomcall.app.cli..")
                .should().onlyBeAccessed().byClassesThat(belongToAnyOf(Main.class).or(resideInAPackage("dev.roomcall.app.cli..")))
                .check(ROOMCALL);
        noClasses().that().resideInAPackage("dev.roomcall.app..")
                .and().resideOutsideOfPackage("dev.roomcall.app.cli..").and().doNotBelongToAnyOf(Main.class)
                .should().dependOnClassesThat().resideInAPackage("picocli..")
                .check(ROOMCALL);
    }

    /**
     * Standard output belongs to the headless run's JSON events: only the reporter prints there. {@link Main} hands
     * the stream over (and to picocli for --help), and {@link ProcessExit} flushes it before the process ends.
     */
    @Test
    void onlyTheHeadlessReporterWritesToStandardOutput() {
        noClasses().that().resideInAnyPackage("dev.roomcall.app..", "dev.roomcall.media..", "dev.roomcall.signaling..")
                .and().doNotBelongToAnyOf(JsonLinesReporter.class, Main.class, ProcessExit.class)
                .should().accessField(System.class, "out")
                .check(ROOMCALL);
    }

    @Test
    void onlyTheAppsUiUsesJavaFx() {
        noClasses().that().resideOutsideOfPackage("dev.roomcall.app.ui..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(ROOMCALL);
    }

    @Test
    void onlyMediaUsesWebrtc() {
        noClasses().that().resideOutsideOfPackage("dev.roomcall.media..")
                .should().dependOnClassesThat().resideInAPackage("dev.onvoid.webrtc..")
                .check(ROOMCALL);
    }
}
