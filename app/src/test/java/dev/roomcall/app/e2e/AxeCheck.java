package dev.roomcall.app.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The axe-core accessibility checker (npm package, pinned by {@code src/test/resources/axe/package-lock.json},
 * installed with {@code npm ci} into {@code target/axe-node} the first time) run inside a page that Chromium shows.
 * WebDriver's scripts are not subject to the page's Content-Security-Policy, so the page itself stays unchanged.
 */
final class AxeCheck {

    /** WCAG 2.x A and AA rules: names and labels, roles and ARIA use, colour contrast, language, structure. */
    static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);
    private static final Object INSTALL_LOCK = new Object();

    private AxeCheck() {}

    /** The violations axe finds on the page as it is now, one line each: rule, impact, the offending elements. */
    @SuppressWarnings("unchecked")
    static List<String> violations(BrowserPeer page) throws IOException, InterruptedException {
        page.execute(Files.readString(script()));
        Object result = page.driver().executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})"
                        + ".then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' — '"
                        + " + v.nodes.map(n => n.target.join(' ') + ' ' + n.failureSummary).join(' | '))))"
                        + ".catch(e => done(['axe failed: ' + e]));", TAGS);
        return (List<String>) result;
    }

    /** The rules that were checked, so a test can show they include labels, roles and contrast. */
    @SuppressWarnings("unchecked")
    static List<String> rulesChecked(BrowserPeer page) throws IOException, InterruptedException {
        page.execute(Files.readString(script()));
        return (List<String>) page.execute("return axe.getRules(arguments[0]).map(r => r.ruleId);", TAGS);
    }

    private static Path script() throws IOException, InterruptedException {
        Path dir = E2eDirs.target().resolve("axe-node");
        Path axe = dir.resolve("node_modules/axe-core/axe.min.js");
        synchronized (INSTALL_LOCK) {
            if (Files.isRegularFile(axe)) {
                return axe;
            }
            Files.createDirectories(dir);
            for (String file : List.of("package.json", "package-lock.json")) {
                try (InputStream in = AxeCheck.class.getResourceAsStream("/axe/" + file)) {
                    if (in == null) {
                        throw new IOException("fixture file axe/" + file + " is not on the test classpath");
                    }
                    Files.copy(in, dir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Path log = E2eDirs.logs().resolve("npm-ci-axe.log");
            String npm = System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("win") ? "npm.cmd" : "npm";
            Process npmCi = new ProcessBuilder(npm, "ci", "--no-audit", "--no-fund", "--loglevel=error")
                    .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!npmCi.waitFor(INSTALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                npmCi.destroyForcibly();
                throw new IOException("npm ci did not finish within " + INSTALL_TIMEOUT + "; see " + log);
            }
            if (npmCi.exitValue() != 0 || !Files.isRegularFile(axe)) {
                throw new IOException("npm ci failed (" + npmCi.exitValue() + "):\n" + Files.readString(log));
            }
            return axe;
        }
    }

}
