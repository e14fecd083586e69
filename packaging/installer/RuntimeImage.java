import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The trimmed Java runtime: jlink with only the modules Roomcall uses plus JavaFX's, a CDS archive of the JDK's own
 * classes, JavaFX's native libraries where JavaFX looks first, and (on Linux) no symbol tables.
 */
final class RuntimeImage {

    private final Build build;

    RuntimeImage(Build build) {
        this.build = build;
    }

    /** Links the runtime into {@code runtime} from the JavaFX jars in {@code javaFxJars} and the JDK's jmods. */
    void make(Path runtime, Path javaFxJars) throws IOException, InterruptedException {
        jlink(runtime, javaFxJars);
        copyJavaFxNatives(javaFxJars, runtime);
        stripNativeSymbols(runtime);
    }

    private void jlink(Path runtime, Path javaFxDirectory) throws IOException {
        String javaFxJars = Tools.listJars(javaFxDirectory).stream()
                .map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator));
        Path jmods = Path.of(System.getProperty("java.home"), "jmods");
        if (!Files.isDirectory(jmods)) {
            throw new IllegalStateException("jlink needs the JDK's jmods (" + jmods + "); install a full JDK 17");
        }
        Tools.run("jlink",
                "--module-path", javaFxJars + java.io.File.pathSeparator + jmods,
                "--add-modules", String.join(",", Product.MODULES),
                "--include-locales", Product.LOCALES,
                "--strip-debug", "--no-header-files", "--no-man-pages",
                // JavaFX's native libraries are copied next to the runtime's own instead (below).
                "--exclude-resources", "glob:/javafx.graphics/*.so,glob:/javafx.graphics/*.dll,glob:/javafx.graphics/*.dylib",
                // The JDK's own classes, pre-parsed: the base every start maps instead of parsing.
                "--generate-cds-archive",
                "--output", runtime.toString());
        // Only used with heaps over 32 GB (no compressed oops); Roomcall never runs with one.
        try (Stream<Path> files = Files.walk(runtime)) {
            for (Path f : files.filter(p -> p.getFileName().toString().equals("classes_nocoops.jsa")).collect(Collectors.toList())) {
                Files.delete(f);
            }
        }
    }

    /** Debian's JDK ships its libraries with symbol tables (libjvm.so alone: 4 MB of them). */
    private void stripNativeSymbols(Path runtime) throws IOException, InterruptedException {
        Path strip = Tools.onPath("strip");
        if (build.os != Build.Os.LINUX || strip == null) {
            return;
        }
        List<String> cmd = new ArrayList<>(List.of(strip.toString(), "--strip-unneeded"));
        try (Stream<Path> files = Files.walk(runtime)) {
            files.filter(p -> p.getFileName().toString().endsWith(".so")).forEach(p -> cmd.add(p.toString()));
        }
        Process process = new ProcessBuilder(cmd).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("strip failed");
        }
    }

    /**
     * JavaFX looks for its native libraries next to the runtime's own (lib/, or bin/javafx on
     * Windows) before unpacking them from its jars into the user's home on first start.
     */
    private void copyJavaFxNatives(Path javaFxJars, Path runtime) throws IOException {
        Path target = build.os == Build.Os.WINDOWS ? runtime.resolve("bin").resolve("javafx") : runtime.resolve("lib");
        Files.createDirectories(target);
        int copied = 0;
        for (Path jar : Tools.listJars(javaFxJars)) {
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                for (ZipEntry entry : zip.stream().collect(Collectors.toList())) {
                    String name = entry.getName();
                    boolean nativeLibrary = !name.contains("/")
                            && (name.endsWith(".so") || name.endsWith(".dll") || name.endsWith(".dylib"));
                    if (nativeLibrary) {
                        try (InputStream in = zip.getInputStream(entry)) {
                            Files.copy(in, target.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                        }
                        copied++;
                    }
                }
            }
        }
        if (copied == 0) {
            throw new IllegalStateException("no JavaFX native libraries in " + javaFxJars + " (wrong javafx.platform?)");
        }
    }
}
