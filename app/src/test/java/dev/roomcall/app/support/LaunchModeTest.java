package dev.roomcall.app.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Only launches that open the window log to a file and get crash dialogs. */
class LaunchModeTest {

    @Test
    void aPlainLaunchOrAJoinOpensTheWindow() {
        assertEquals(LaunchMode.WINDOW, LaunchMode.of());
        assertEquals(LaunchMode.WINDOW, LaunchMode.of("--fake-media", "--room", "abcd-efgh-jkmnp"));
    }

    @Test
    void headlessHelpAndVersionStayOnTheConsole() {
        assertEquals(LaunchMode.CONSOLE, LaunchMode.of("--fake-media", "--headless"));
        assertEquals(LaunchMode.CONSOLE, LaunchMode.of("--help"));
        assertEquals(LaunchMode.CONSOLE, LaunchMode.of("-h"));
        assertEquals(LaunchMode.CONSOLE, LaunchMode.of("--version"));
        assertEquals(LaunchMode.CONSOLE, LaunchMode.of("-V"));
    }

    @Test
    void wordsAfterEndOfOptionsAreNotOptions() {
        assertEquals(LaunchMode.WINDOW, LaunchMode.of("--", "--headless"));
    }
}
