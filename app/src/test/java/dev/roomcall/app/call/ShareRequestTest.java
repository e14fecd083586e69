package dev.roomcall.app.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.media.screen.ScreenListing;
import dev.roomcall.media.screen.ScreenSource;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code --share screen} and {@code --share window:TEXT}: what they mean and which source they pick. */
class ShareRequestTest {

    private static final ScreenSource SCREEN = new ScreenSource(ScreenSource.Kind.SCREEN, 1, "Screen 1", 0, 0, 1920, 1080);
    private static final ScreenSource EDITOR = new ScreenSource(ScreenSource.Kind.WINDOW, 2, "notes.txt - Editor", 0, 0, 800, 600);
    private static final ScreenSource XTERM = new ScreenSource(ScreenSource.Kind.WINDOW, 3, "xterm", 10, 10, 640, 480);
    private static final ScreenSource SECOND_EDITOR = new ScreenSource(ScreenSource.Kind.WINDOW, 4, "todo - Editor", 0, 0, 800, 600);
    private static final ScreenListing DESKTOP = ScreenListing.of(List.of(SCREEN, EDITOR, XTERM, SECOND_EDITOR));

    @ParameterizedTest(name = "''{0}'' picks source {1}")
    @CsvSource({
        "screen,          1",
        "SCREEN,          1",
        "window:Editor,   2",   // the first window whose title contains the text, in the listing's order
        "window:editor,   2",   // ignoring case
        "window:todo,     4",
        "window: xterm ,  3",
        "window:Firefox,  0",   // none
        "window:Screen 1, 0",   // a screen is not a window
    })
    void picks(String text, long expectedId) {
        Optional<ScreenSource> picked = ShareRequest.parse(text).pick(DESKTOP);
        assertEquals(expectedId == 0 ? Optional.empty() : Optional.of(expectedId), picked.map(ScreenSource::id));
    }

    @ParameterizedTest
    @CsvSource({"''", "window:", "window:   ", "desktop", "screen:1", "tab:x"})
    void refusesWhatIsNeitherForm(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ShareRequest.parse(text));
        assertTrue(e.getMessage().contains("window"), e.getMessage());
    }

    @Test
    void aScreenRequestOnAWaylandDesktopSaysWhyThereIsNone() {
        ScreenListing wayland = new ScreenListing(List.of(XTERM), Optional.of("This desktop runs Wayland."));
        assertEquals(Optional.empty(), ShareRequest.SCREEN.pick(wayland));
        assertEquals("There is no screen that can be shared: This desktop runs Wayland.", ShareRequest.SCREEN.notFound(wayland));
    }

    @Test
    void anUnknownWindowIsNamedInTheMessage() {
        assertEquals("No window whose title contains \"Firefox\" is open.",
                ShareRequest.parse("window:Firefox").notFound(DESKTOP));
    }
}
