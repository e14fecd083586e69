package dev.roomcall.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The module rules, checked on the compiled classes: only the app's UI may use JavaFX, and the
 * protocol and room logic stay free of webrtc-java, so each can be reused and tested on its own.
 */
class ArchitectureTest {

    private static final JavaClasses ROOMCALL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.roomcall");

    @Test
    void onlyTheAppsUiUsesJavaFx() {
        noClasses().that().resideOutsideOfPackage("dev.roomcall.app.ui..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(ROOMCALL);
    }

    @Test
    void protocolAndRoomLogicNeverTouchWebrtc() {
        noClasses().that().resideInAnyPackage("dev.roomcall.signaling..", "dev.roomcall.server..")
                .should().dependOnClassesThat().resideInAPackage("dev.onvoid.webrtc..")
                .check(ROOMCALL);
    }

    @Test
    void theCallModelIsToolkitFree() {
        noClasses().that().resideInAnyPackage("dev.roomcall.app.call..", "dev.roomcall.app.headless..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(ROOMCALL);
    }
}
