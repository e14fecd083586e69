package dev.roomcall.media.natives;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LibraryFileNameTest {

    @ParameterizedTest(name = "{0} on {1} ships {2}")
    @CsvSource({
            "Linux,       amd64,   libwebrtc-java-linux-x86_64.so",
            "Linux,       x86_64,  libwebrtc-java-linux-x86_64.so",
            "Linux,       aarch64, libwebrtc-java-linux-aarch64.so",
            "Linux,       arm,     libwebrtc-java-linux-aarch32.so",
            "Windows 11,  amd64,   webrtc-java-windows-x86_64.dll",
            "Windows 10,  x86-64,  webrtc-java-windows-x86_64.dll",
            "Mac OS X,    aarch64, libwebrtc-java-macos-aarch64.dylib",
            "Mac OS X,    x86_64,  libwebrtc-java-macos-x86_64.dylib",
    })
    void namesTheFileAsWebrtcJavaShipsIt(String os, String arch, String file) {
        assertEquals(file, LibraryFileName.of(os, arch));
    }

    @ParameterizedTest(name = "{0} on {1} has no library")
    @CsvSource({"FreeBSD, amd64", "Linux, ppc64le", "Linux, riscv64", "Windows 11, x86"})
    void aSystemWebrtcJavaDoesNotShipForIsRefusedByName(String os, String arch) {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> LibraryFileName.of(os, arch));
        assertEquals(true, refused.getMessage().contains(os.toLowerCase()) || refused.getMessage().contains(arch),
                refused.getMessage());
    }
}
