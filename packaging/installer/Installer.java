import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Builds Roomcall's installers for the OS it runs on: a trimmed Java runtime (jlink), the app image
 * (jpackage), and the native packages: .deb (+ .rpm where rpmbuild exists) on Linux, .msi and .exe
 * on Windows, .dmg on macOS.
 *
 * <p>A small Java program rather than a shell script, so the same steps run unchanged on all three CI runners.
 * The Maven profile {@code installer} in app/pom.xml compiles it (this directory, with javac) and runs it after
 * the jars exist:
 * <pre>mvn -B -Pinstaller -DskipTests package</pre>
 *
 * <p>Steps:
 * <ol>
 *   <li>{@link RuntimeImage}: jlink a runtime with only the modules Roomcall uses plus the JavaFX modules, with a
 *       CDS archive of the JDK's own classes, and JavaFX's native libraries where JavaFX looks first, so they are
 *       not unpacked into ~/.openjfx/cache on every first start;</li>
 *   <li>{@link AppImage}: jpackage the app image (the runnable jar without JavaFX, which is in the runtime);</li>
 *   <li>{@link ClassListTraining}, Linux only: the classes a start loads, for the .deb's AppCDS archive;</li>
 *   <li>{@link NativePackages}: the native packages.</li>
 * </ol>
 */
public final class Installer {

    private final Build build;

    private Installer(Build build) {
        this.build = build;
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new HashMap<>();
        for (int i = 0; i + 1 < argv.length; i += 2) {
            if (!argv[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value pairs, got " + argv[i]);
            }
            args.put(argv[i].substring(2), argv[i + 1]);
        }
        new Installer(new Build(args)).build();
    }

    private void build() throws Exception {
        long started = System.nanoTime();
        Path runtime = build.out.resolve("runtime");
        Path images = build.out.resolve("image");
        Path packages = build.out.resolve("packages");
        for (Path dir : List.of(runtime, images, packages, build.out.resolve("jpackage-temp"))) {
            Tools.deleteRecursively(dir);
        }

        new RuntimeImage(build).make(runtime, Path.of(build.required("javafx")));

        Path input = Path.of(build.required("app-jar")).toAbsolutePath().getParent();
        Path image = new AppImage(build).make(runtime, input, images);
        ClassListTraining training = new ClassListTraining(build);
        boolean classList = build.os == Build.Os.LINUX && (training.record(image, 1) || training.record(image, 2));
        if (classList) {
            Path script = image.resolve("lib/app/create-cds-archive.sh");
            Files.copy(build.packaging.resolve("linux/create-cds-archive.sh"), script, StandardCopyOption.REPLACE_EXISTING);
            script.toFile().setExecutable(true, false);
        }

        NativePackages nativePackages = new NativePackages(build);
        Files.createDirectories(packages);
        for (String type : nativePackages.types()) {
            if (!type.equals("app-image")) {
                nativePackages.make(type, image, packages, classList);
            }
        }
        report(runtime, image, packages, (System.nanoTime() - started) / 1_000_000_000);
    }

    private void report(Path runtime, Path image, Path packages, long seconds) throws IOException {
        System.out.println();
        System.out.printf("installer: done in %d s%n", seconds);
        System.out.printf("  %-52s %7.1f MB%n", "runtime (jlink)", Tools.size(runtime) / 1e6);
        System.out.printf("  %-52s %7.1f MB%n", "app image " + build.out.relativize(image), Tools.size(image) / 1e6);
        try (Stream<Path> files = Files.list(packages)) {
            for (Path p : files.sorted().collect(Collectors.toList())) {
                System.out.printf("  %-52s %7.1f MB%n", build.out.relativize(p), Files.size(p) / 1e6);
            }
        }
    }
}
