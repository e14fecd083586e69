package dev.roomcall.media.natives;

import java.util.Locale;

/**
 * The file name webrtc-java 0.14 gives its JNI library for an operating system and CPU, the way its own
 * {@code NativeLoader} looks for it on the class path ({@code webrtc-java-<os>-<arch>}, in the platform's form).
 */
public final class LibraryFileName {

    private LibraryFileName() {}

    public static String forThisPlatform() {
        return of(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
    }

    /** @throws IllegalStateException for a system webrtc-java ships no library for */
    static String of(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String base = "webrtc-java-" + family(os) + "-" + arch(osArch.toLowerCase(Locale.ROOT));
        if (os.startsWith("windows")) {
            return base + ".dll";
        }
        return "lib" + base + (os.startsWith("mac os") ? ".dylib" : ".so");
    }

    private static String family(String os) {
        if (os.startsWith("mac os")) {
            return "macos";
        }
        if (os.startsWith("linux")) {
            return "linux";
        }
        if (os.startsWith("windows")) {
            return "windows";
        }
        throw new IllegalStateException("webrtc-java has no native library for the operating system " + os);
    }

    private static String arch(String arch) {
        return switch (arch) {
            case "x86_64", "x86-64", "amd64" -> "x86_64";
            case "aarch32", "arm" -> "aarch32";
            case "aarch64", "arm64" -> "aarch64";
            default -> throw new IllegalStateException("webrtc-java has no native library for the CPU " + arch);
        };
    }
}
