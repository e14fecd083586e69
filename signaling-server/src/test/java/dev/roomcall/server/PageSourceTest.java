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
 * or event handler in index.html, and no way in app.js for text to become markup or code (no innerHTML and friends,
 * no eval, no string timers). A check that reads the source, so a slip fails the build before any browser runs.
 */
class PageSourceTest {

    private static final Path PAGE = Path.of("..", "assets", "web");

    @ParameterizedTest
    @ValueSource(strings = {"innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function",
            "setTimeout('", "setTimeout(\"", "setInterval('", "setInterval(\"", "createContextualFragment", "srcdoc",
            "javascript:", ".setAttribute('on", ".setAttribute(\"on", "DOMParser"})
    void theScriptHasNoMarkupOrCodeSink(String sink) throws Exception {
        String script = Files.readString(PAGE.resolve("app.js"), StandardCharsets.UTF_8);

        assertFalse(script.contains(sink), "app.js uses " + sink);
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
        assertEquals(1, count, "app.js is the one script");
        for (String inline : List.of("<style", " style=", "javascript:")) {
            assertFalse(html.toLowerCase(java.util.Locale.ROOT).contains(inline), file + " has " + inline);
        }
        assertFalse(Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE).matcher(html).find(),
                file + " has an inline event handler");
    }
}
