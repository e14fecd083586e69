import java.util.ArrayList;
import java.util.List;

/** What Roomcall's installers are made of and called: names, the runtime's modules, the launcher's JVM options. */
final class Product {

    static final String NAME = "Roomcall";
    static final String PACKAGE = "roomcall";
    static final String MAIN_CLASS = "dev.roomcall.app.Main";
    static final String VENDOR = "Roomcall";
    static final String DESCRIPTION = "Video calls with anyone who has a web browser";
    static final String COPYRIGHT = "Copyright the Roomcall authors";
    static final String ABOUT_URL = "https://github.com/roomcall/roomcall";
    static final String MAC_IDENTIFIER = "dev.roomcall.app";
    /** Never change: Windows uses it to recognise an upgrade of the installed app. */
    static final String WINDOWS_UPGRADE_UUID = "6f1d3c1e-5b0a-4c57-9a83-1d1b6a0f2a41";

    /**
     * The modules Roomcall needs, found with {@code jdeps --print-module-deps} on the shaded jar and
     * trimmed to what runs: java.desktop, java.xml and jdk.unsupported come with JavaFX anyway;
     * java.naming is for Jetty's certificate names; jdk.crypto.ec for TLS (wss://) with EC keys;
     * java.logging for libraries that log through java.util.logging. Two that jdeps cannot see,
     * because they are looked up as services: jdk.zipfs (Jetty serves the browser page out of the
     * jar through a zip file system; without it the embedded server does not start) and
     * jdk.localedata (dates and numbers in Chinese, limited to the app's languages below).
     * Left out on purpose: java.sql (Gson only uses it when present), jdk.jfr (JavaFX's optional
     * tracing), java.compiler (annotations only).
     */
    static final List<String> MODULES = List.of(
            "javafx.controls", "java.naming", "java.logging", "jdk.crypto.ec", "jdk.unsupported",
            "jdk.zipfs", "jdk.localedata", "java.management");
    static final String LOCALES = "en,zh";

    /** Linux packages whose libraries JavaFX loads at run time (GTK 3, GL); jpackage cannot see them. */
    static final String DEB_DEPENDS = "libgtk-3-0, libgl1, libxxf86vm1";
    static final String RPM_DEPENDS = "gtk3, mesa-libGL, libXxf86vm";

    /**
     * JVM warnings go to stderr: in --headless mode stdout carries only JSON events.
     * The AppCDS option is added separately, only to packages that create the archive.
     *
     * <p>The rest size the JVM for a small interactive app whose heap holds ~5-10 MiB in a call (BENCHMARKS.md
     * "App memory in a 720p call" measures them against the JVM's defaults): the serial collector (no GC threads,
     * remembered sets or card tables; young pauses of a few ms on a heap this small), a heap that starts at
     * 24 MiB instead of 1/64 of the machine's memory (large enough that a start needs no full collection), a
     * fixed 8 MiB young generation (a default one grows with the heap, and every page of it gets touched), and
     * glibc's free native memory handed back every 5 s: libwebrtc's codecs and the JIT compilers free megabytes
     * that glibc would otherwise keep, and a trim takes well under a millisecond. The trim is glibc's: elsewhere
     * the JVM would only warn that it cannot, so only Linux launchers get it.
     */
    static List<String> javaOptions(Build.Os os) {
        List<String> options = new ArrayList<>(List.of("-Xlog:disable", "-Xlog:all=warning:stderr",
                "-XX:+UseSerialGC", "-Xms24m", "-Xmn8m"));
        if (os == Build.Os.LINUX) {
            options.add("-XX:TrimNativeHeapInterval=5000");
        }
        return options;
    }

    static final String APPCDS_OPTION = "-XX:SharedArchiveFile=$APPDIR/roomcall.jsa";
    static final String CLASS_LIST = "roomcall.classlist";

    private Product() {}
}
