package dev.roomcall.media.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.media.Await;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Listing and opening X11 sources on a real X server (Xvfb), never through webrtc-java's desktop natives. */
class X11ScreenSourcesTest {
    private static Xvfb x;

    @BeforeAll
    static void startX() throws Exception {
        x = Xvfb.start();
    }

    @AfterAll
    static void stopX() throws Exception {
        x.close();
    }

    private static X11ScreenSources onX11() {
        return new X11ScreenSources(x.display(), DisplayServer.decide(Map.of("DISPLAY", x.display())));
    }

    @Test
    void listsTheScreenWithItsSizeAndAWindowWithItsTitleAndPlace() throws Exception {
        x.openWindow("Quarterly report - roomcall-list");
        Await.until("the window is listed", () -> onX11().list().sources().stream()
                .anyMatch(s -> s.title().contains("roomcall-list")));

        ScreenListing listing = onX11().list();

        assertEquals(Optional.empty(), listing.notice());
        ScreenSource screen = listing.sources().get(0);
        assertEquals(ScreenSource.Kind.SCREEN, screen.kind());
        assertEquals(Xvfb.WIDTH, screen.width());
        assertEquals(Xvfb.HEIGHT, screen.height());
        ScreenSource window = listing.sources().stream().filter(s -> s.title().contains("roomcall-list"))
                .findFirst().orElseThrow();
        assertEquals(ScreenSource.Kind.WINDOW, window.kind());
        assertEquals("Quarterly report - roomcall-list", window.name());
        assertEquals(240, window.width());
        assertEquals(120, window.height());
        // The place of its content: inside xmessage's 1-pixel border at +40+40.
        assertEquals(41, window.x());
        assertEquals(41, window.y());
    }

    @Test
    void onWaylandOnlyWindowsAreOfferedAndTheListingSaysWhy() throws Exception {
        x.openWindow("roomcall-xwayland");
        X11ScreenSources wayland = new X11ScreenSources(x.display(),
                DisplayServer.decide(Map.of("DISPLAY", x.display(), "XDG_SESSION_TYPE", "wayland")));
        Await.until("the XWayland-style window is listed", () -> wayland.list().sources().stream()
                .anyMatch(s -> s.title().equals("roomcall-xwayland")));

        ScreenListing listing = wayland.list();

        assertTrue(listing.sources().stream().allMatch(s -> s.kind() == ScreenSource.Kind.WINDOW), listing.toString());
        assertEquals(Optional.of(DisplayServer.WAYLAND_WINDOWS_ONLY), listing.notice());
        ScreenSource root = new ScreenSource(ScreenSource.Kind.SCREEN, 1, "", 0, 0, Xvfb.WIDTH, Xvfb.HEIGHT);
        ScreenCaptureException refused = assertThrows(ScreenCaptureException.class,
                () -> wayland.open(root, ShareSettings.DEFAULT));
        assertEquals(DisplayServer.WAYLAND_WINDOWS_ONLY, refused.getMessage());
    }

    @Test
    void anUnreachableDisplayIsANoticeNotAFailure() {
        ScreenListing listing = new X11ScreenSources(":4711", DisplayServer.decide(Map.of("DISPLAY", ":4711"))).list();

        assertTrue(listing.sources().isEmpty());
        assertTrue(listing.notice().orElseThrow().contains(":4711"), listing.toString());
    }

    @Test
    void openingAClosedWindowSaysItWasClosed() throws Exception {
        Process window = x.openWindow("roomcall-short-lived");
        Await.until("the window is listed", () -> onX11().list().sources().stream()
                .anyMatch(s -> s.title().equals("roomcall-short-lived")));
        ScreenSource source = onX11().list().sources().stream().filter(s -> s.title().equals("roomcall-short-lived"))
                .findFirst().orElseThrow();
        window.destroy();
        Await.until("the window is gone", () -> onX11().list().sources().stream().noneMatch(s -> s.id() == source.id()));

        ScreenCaptureException gone = assertThrows(ScreenCaptureException.class,
                () -> onX11().open(source, ShareSettings.DEFAULT));

        assertTrue(gone.getMessage().contains("roomcall-short-lived") && gone.getMessage().contains("closed"),
                gone.getMessage());
        assertFalse(onX11().list().sources().isEmpty(), "the display still answers");
    }
}
