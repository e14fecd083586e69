import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The app image jpackage makes from the runtime and the app jar (without JavaFX, which is in the runtime). */
final class AppImage {

    private final Build build;

    AppImage(Build build) {
        this.build = build;
    }

    /** @return the image's directory ({@code Roomcall}, or {@code Roomcall.app} on macOS) */
    Path make(Path runtime, Path input, Path images) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(
                "--type", "app-image",
                "--name", Product.NAME,
                "--dest", images.toString(),
                "--input", input.toString(),
                "--main-jar", "roomcall.jar",
                "--main-class", Product.MAIN_CLASS,
                "--runtime-image", runtime.toString(),
                "--icon", build.icon().toString(),
                "--vendor", Product.VENDOR,
                "--description", Product.DESCRIPTION,
                "--copyright", Product.COPYRIGHT));
        cmd.addAll(List.of("--app-version", build.appVersion()));
        for (String option : Product.javaOptions(build.os)) {
            cmd.addAll(List.of("--java-options", option));
        }
        switch (build.os) {
            case MACOS -> cmd.addAll(List.of(
                    "--mac-package-identifier", Product.MAC_IDENTIFIER,
                    "--mac-package-name", Product.NAME,
                    "--mac-app-category", "social-networking",
                    "--resource-dir", build.macResources().toString()));
            case WINDOWS -> cmd.addAll(List.of(
                    // A second launcher that keeps its console: --headless prints JSON events there.
                    "--add-launcher", Product.NAME + "Console=" + build.packaging.resolve("windows/console-launcher.properties")));
            case LINUX -> { }
        }
        build.macSigning(cmd);
        Tools.run("jpackage", cmd.toArray(String[]::new));
        Path image = images.resolve(build.os == Build.Os.MACOS ? Product.NAME + ".app" : Product.NAME);
        if (!Files.isDirectory(image)) {
            throw new IllegalStateException("jpackage made no app image at " + image);
        }
        return image;
    }
}
