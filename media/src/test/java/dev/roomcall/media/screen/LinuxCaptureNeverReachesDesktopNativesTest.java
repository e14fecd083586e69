package dev.roomcall.media.screen;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * webrtc-java 0.14.0's Linux desktop capture natives crash the JVM (ScreenCapturer / WindowCapturer source lists,
 * VideoDesktopSource with id 0). Nothing the Linux path is made of, directly or through other Roomcall classes,
 * may refer to them; only {@link NativeScreenSources} (Windows and macOS) does, chosen by
 * {@link PlatformScreenSources} through the table-tested {@link CapturePlatform}.
 */
class LinuxCaptureNeverReachesDesktopNativesTest {
    private static final JavaClasses MEDIA = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.roomcall.media");

    @Test
    void theX11PathAndTheShareNeverReferToWebrtcDesktopCapture() {
        noClasses().that().haveSimpleNameStartingWith("X11").or().haveSimpleName("ScreenShare")
                .or().haveSimpleName("Xlib").or().haveSimpleName("DisplayServer")
                .or().haveSimpleName("ScreenSources").or().haveSimpleName("LocalMedia")
                .should().transitivelyDependOnClassesThat()
                .resideInAPackage("dev.onvoid.webrtc.media.video.desktop..")
                .orShould().transitivelyDependOnClassesThat()
                .haveFullyQualifiedName("dev.onvoid.webrtc.media.video.VideoDesktopSource")
                .check(MEDIA);
    }

    @Test
    void onlyTheNativeImplementationRefersToThem() {
        noClasses().that().doNotHaveSimpleName("NativeScreenSources").and().doNotHaveSimpleName("PlatformScreenSources")
                .and().doNotHaveFullyQualifiedName(NativeScreenSources.class.getName() + "$1")
                .should().dependOnClassesThat().resideInAPackage("dev.onvoid.webrtc.media.video.desktop..")
                .orShould().dependOnClassesThat()
                .haveFullyQualifiedName("dev.onvoid.webrtc.media.video.VideoDesktopSource")
                .check(MEDIA);
    }
}
