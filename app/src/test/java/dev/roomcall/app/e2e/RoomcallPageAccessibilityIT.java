package dev.roomcall.app.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.server.ServerConfig;
import dev.roomcall.server.SignalingServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The browser page is usable with a screen reader and a keyboard: axe-core, run in Chromium on the page while
 * waiting and during a call with the chat open, finds no violation of the WCAG A/AA rules (names and labels,
 * roles and ARIA, colour contrast, ...), and the call's state is spoken through a polite live region.
 */
class RoomcallPageAccessibilityIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void thePageHasNoAccessibilityViolationsWhileWaitingAndInACallWithTheChatOpen() throws Exception {
        try (SignalingServer server = SignalingServer.start(ServerConfig.builder().host("127.0.0.1").port(0).build());
                BrowserPeer first = BrowserPeer.open("a11y-first", server.httpUri().toString())) {
            first.awaitState("waiting", TIMEOUT);
            List<String> rules = AxeCheck.rulesChecked(first);
            assertTrue(rules.containsAll(List.of("label", "button-name", "aria-roles", "aria-allowed-role",
                    "color-contrast", "video-caption")) || rules.containsAll(List.of("label", "button-name",
                    "aria-roles", "color-contrast")), "labels, roles and contrast are among the rules: " + rules);
            assertEquals(List.of(), AxeCheck.violations(first), "while waiting");
            assertEquals("polite", first.execute("return document.getElementById('status').getAttribute('aria-live');"));

            String link = (String) first.execute("return location.href;");
            try (BrowserPeer second = BrowserPeer.open("a11y-second", link)) {
                first.awaitState("connected", TIMEOUT);
                first.execute("document.getElementById('toggle-chat').click();");
                first.awaitTrue("return !document.getElementById('chat').hidden;", TIMEOUT);
                assertEquals(List.of(), AxeCheck.violations(first), "in a call with the chat open");

                // The checker is awake: an input without a label is reported.
                first.execute("document.getElementById('chat-form').appendChild(document.createElement('input'));");
                assertTrue(AxeCheck.violations(first).stream().anyMatch(v -> v.startsWith("label ")),
                        "an unlabelled field is found");
            }
        }
    }
}
