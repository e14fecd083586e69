package dev.roomcall.app.presentation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.roomcall.app.i18n.I18n;
import dev.roomcall.media.screen.ScreenListing;
import dev.roomcall.media.screen.ScreenSource;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the share picker offers and what it says about the desktop. */
class ShareChoicesTest {

    private static final ScreenSource SCREEN = new ScreenSource(ScreenSource.Kind.SCREEN, 1, "Screen 1", 0, 0, 1920, 1080);
    private static final ScreenSource CALL_WINDOW = new ScreenSource(ScreenSource.Kind.WINDOW, 2, "Connected · abcd-efgh", 0, 0, 1000, 640);
    private static final ScreenSource EDITOR = new ScreenSource(ScreenSource.Kind.WINDOW, 3, "notes.txt", 0, 0, 800, 600);
    private static final Map<String, String> X11 = Map.of("DISPLAY", ":0");
    private static final Map<String, String> WAYLAND = Map.of("DISPLAY", ":0", "WAYLAND_DISPLAY", "wayland-0");

    private Locale before;

    @BeforeEach
    void english() {
        before = I18n.locale();
        I18n.setLocale(Locale.ENGLISH);
    }

    @AfterEach
    void restore() {
        I18n.setLocale(before);
    }

    @ParameterizedTest(name = "own windows {0} -> offered {1}")
    @CsvSource(delimiter = '|', value = {
        "''                          | Screen 1,Connected · abcd-efgh,notes.txt",
        "Connected · abcd-efgh       | Screen 1,notes.txt",
        // A screen is never left out, even if a window of ours happened to carry its name.
        "Screen 1;Connected · abcd-efgh | Screen 1,notes.txt",
        "notes                       | Screen 1,Connected · abcd-efgh,notes.txt",
    })
    void roomcallsOwnWindowsAreLeftOut(String own, String offered) {
        Set<String> titles = own.isEmpty() ? Set.of() : Set.of(own.split(";"));
        ShareChoices choices = ShareChoices.of(ScreenListing.of(List.of(SCREEN, CALL_WINDOW, EDITOR)), titles, X11);
        assertEquals(List.of(offered.split(",")), choices.sources().stream().map(ScreenSource::name).toList());
        assertEquals("", choices.notice());
    }

    @Test
    void onWaylandThePickerSaysOnlyX11WindowsCanBeShared() {
        ShareChoices choices = ShareChoices.of(new ScreenListing(List.of(EDITOR), Optional.of("(media's sentence)")),
                Set.of(), WAYLAND);
        assertEquals(List.of(EDITOR), choices.sources());
        assertEquals("Your desktop runs Wayland. Here Roomcall can share only windows of programs that use X11, not "
                + "the whole screen and not other windows.", choices.notice());
    }

    @Test
    void onWaylandWithoutX11ThePickerSaysNothingCanBeShared() {
        ShareChoices choices = ShareChoices.of(new ScreenListing(List.of(), Optional.of("(media's sentence)")),
                Set.of(), Map.of("XDG_SESSION_TYPE", "wayland"));
        assertEquals("Your desktop runs Wayland without X11 support, so Roomcall cannot see anything to share here.",
                choices.notice());
    }

    @Test
    void anyOtherReasonIsPassedOnAndAnEmptyListingSaysSo() {
        assertEquals("Cannot open the X display :9: there is nothing to share.", ShareChoices.of(new ScreenListing(
                List.of(), Optional.of("Cannot open the X display :9: there is nothing to share.")), Set.of(), X11).notice());
        assertEquals("There is nothing that can be shared right now.",
                ShareChoices.of(ScreenListing.of(List.of()), Set.of(), X11).notice());
    }

    @Test
    void theWaylandNoticeIsInChineseToo() {
        I18n.setLocale(Locale.SIMPLIFIED_CHINESE);
        ShareChoices choices = ShareChoices.of(new ScreenListing(List.of(EDITOR), Optional.of("x")), Set.of(), WAYLAND);
        assertEquals("你的桌面使用 Wayland。在这里 Roomcall 只能共享使用 X11 的程序的窗口，不能共享整个屏幕或其他窗口。",
                choices.notice());
    }
}
