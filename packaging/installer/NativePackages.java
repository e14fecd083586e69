import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The native packages made from the app image: .deb (+ .rpm) on Linux, .msi and .exe on Windows, .dmg on macOS. */
final class NativePackages {

    private final Build build;

    NativePackages(Build build) {
        this.build = build;
    }

    /** The package types asked for with {@code --types}, or every one this OS can build. */
    List<String> types() {
        String wanted = build.option("types", "auto");
        if (!wanted.equals("auto")) {
            return Arrays.asList(wanted.split(","));
        }
        return switch (build.os) {
            case LINUX -> Tools.onPath("rpmbuild") != null ? List.of("deb", "rpm") : List.of("deb");
            case WINDOWS -> List.of("msi", "exe");
            case MACOS -> List.of("dmg");
        };
    }

    void make(String type, Path image, Path packages, boolean classList) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(
                "--type", type,
                "--app-image", image.toString(),
                "--name", Product.NAME,
                "--dest", packages.toString(),
                "--vendor", Product.VENDOR,
                "--description", Product.DESCRIPTION,
                "--copyright", Product.COPYRIGHT,
                "--about-url", Product.ABOUT_URL,
                "--temp", build.out.resolve("jpackage-temp").resolve(type).toString()));
        cmd.addAll(List.of("--app-version", build.appVersion()));
        switch (type) {
            case "deb" -> cmd.addAll(linuxOptions(Product.DEB_DEPENDS, "video"));
            case "rpm" -> cmd.addAll(linuxOptions(Product.RPM_DEPENDS, "Applications/Multimedia"));
            case "msi", "exe" -> cmd.addAll(List.of(
                    "--icon", build.icon().toString(),
                    "--win-menu", "--win-menu-group", Product.NAME,
                    "--win-shortcut", "--win-shortcut-prompt",
                    "--win-dir-chooser",
                    // No administrator needed: installs into the user's profile, like most chat apps.
                    "--win-per-user-install",
                    "--win-upgrade-uuid", Product.WINDOWS_UPGRADE_UUID));
            case "dmg", "pkg" -> {
                cmd.addAll(List.of("--mac-package-identifier", Product.MAC_IDENTIFIER, "--mac-package-name", Product.NAME,
                        "--resource-dir", build.macResources().toString()));
                build.macSigning(cmd);
            }
            default -> throw new IllegalArgumentException("unknown package type " + type);
        }
        // Only the .deb makes the AppCDS archive (in its postinst), so only it may point the JVM at one.
        boolean appCds = type.equals("deb") && classList;
        Path cfg = image.resolve("lib/app/" + Product.NAME + ".cfg");
        String original = build.os == Build.Os.LINUX ? Files.readString(cfg, StandardCharsets.UTF_8) : null;
        try {
            if (appCds) {
                Files.writeString(cfg, withJavaOption(original, Product.APPCDS_OPTION), StandardCharsets.UTF_8);
            }
            Tools.run("jpackage", cmd.toArray(String[]::new));
        } finally {
            if (appCds) {
                Files.writeString(cfg, original, StandardCharsets.UTF_8);
            }
        }
        if (build.os == Build.Os.MACOS) {
            // Named by the build number jpackage had to use; people should see the version.
            Path made = packages.resolve(Product.NAME + "-" + build.macBuildNumber() + "." + type);
            if (Files.exists(made)) {
                Files.move(made, packages.resolve(Product.NAME + "-" + build.version + "." + type), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** The .desktop entry, and the .deb's maintainer scripts that make and remove the AppCDS archive. */
    private List<String> linuxOptions(String depends, String category) {
        return List.of(
                "--icon", build.icon().toString(),
                "--linux-package-name", Product.PACKAGE,
                "--linux-deb-maintainer", "roomcall@users.noreply.github.com",
                "--linux-menu-group", "AudioVideo;Network;",
                "--linux-app-category", category,
                "--linux-shortcut",
                "--linux-package-deps", depends,
                "--resource-dir", build.packaging.resolve("linux").toString());
    }

    /** The launcher's .cfg with one more JVM option in its [JavaOptions] section. */
    static String withJavaOption(String cfg, String option) {
        String line = "java-options=" + option;
        if (cfg.contains(line)) {
            return cfg;
        }
        int section = cfg.indexOf("[JavaOptions]");
        if (section < 0) {
            return cfg + "\n[JavaOptions]\n" + line + "\n";
        }
        int end = cfg.indexOf('\n', section);
        return cfg.substring(0, end + 1) + line + "\n" + cfg.substring(end + 1);
    }
}
