package dev.roomcall.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The page's source keeps to what the Content-Security-Policy and the text-only rule assume: no inline script, style
 * or event handler in index.html, and no way in any of the page's scripts for text to become markup or code (no
 * innerHTML and friends, no eval, no string timers). A check that reads the source, so a slip fails the build before any browser runs.
 */
class PageSourceTest {

    private static final Path PAGE = Path.of("..", "assets", "web");

    @ParameterizedTest
    @ValueSource(strings = {"innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function",
            "setTimeout('", "setTimeout(\"", "setInterval('", "setInterval(\"", "createContextualFragment", "srcdoc",
            "javascript:", ".setAttribute('on", ".setAttribute(\"on", "DOMParser"})
    void noScriptHasAMarkupOrCodeSink(String sink) throws Exception {
        List<Path> scripts = scripts();
        assertTrue(scripts.contains(PAGE.resolve("app.js")), scripts.toString());

        for (Path file : scripts) {
            String script = Files.readString(file, StandardCharsets.UTF_8);
            assertFalse(script.contains(sink), file.getFileName() + " uses " + sink);
        }
    }

    @org.junit.jupiter.api.Test
    void theScriptsImportOnlyEachOtherByRelativePath() throws Exception {
        Pattern imports = Pattern.compile("^import\\b[^;]*?from\\s+'([^']*)';", Pattern.MULTILINE);
        for (Path file : scripts()) {
            Matcher found = imports.matcher(Files.readString(file, StandardCharsets.UTF_8));
            while (found.find()) {
                String target = found.group(1);
                assertTrue(target.matches("\\./[a-z-]+\\.js"), file.getFileName() + " imports " + target);
                assertTrue(Files.isRegularFile(PAGE.resolve(target.substring(2))), file.getFileName() + " imports " + target);
            }
        }
    }

    private static List<Path> scripts() throws java.io.IOException {
        try (java.util.stream.Stream<Path> files = Files.list(PAGE)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".js")).sorted().toList();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"index.html"})
    void theDocumentHasNoInlineScriptStyleOrHandler(String file) throws Exception {
        String html = Files.readString(PAGE.resolve(file), StandardCharsets.UTF_8);

        Matcher scripts = Pattern.compile("<script\\b([^>]*)>(.*?)</script>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE)
                .matcher(html);
        int count = 0;
        while (scripts.find()) {
            count++;
            assertTrue(scripts.group(1).contains("src="), "a script from a file: " + scripts.group());
            assertEquals("", scripts.group(2).strip(), "no inline script: " + scripts.group());
        }
        assertEquals(1, count, "app.js is the one script: it imports the others");
        for (String inline : List.of("<style", " style=", "javascript:")) {
            assertFalse(html.toLowerCase(java.util.Locale.ROOT).contains(inline), file + " has " + inline);
        }
        assertFalse(Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE).matcher(html).find(),
                file + " has an inline event handler");
    }
}
