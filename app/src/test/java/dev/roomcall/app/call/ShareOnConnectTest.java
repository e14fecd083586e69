package dev.roomcall.app.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.roomcall.app.presentation.FakeShareControls;
import dev.roomcall.media.screen.ScreenListing;
import dev.roomcall.media.screen.ScreenSource;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code --share}, headless or in the window: found before the call, started the first time the call connects. */
class ShareOnConnectTest {

    private static final ScreenSource SCREEN = new ScreenSource(ScreenSource.Kind.SCREEN, 1, "Screen 1", 0, 0, 1280, 800);
    private static final ScreenSource NOTES = new ScreenSource(ScreenSource.Kind.WINDOW, 2, "notes", 0, 0, 400, 300);
    private static final ScreenListing DESKTOP = ScreenListing.of(List.of(SCREEN, NOTES));

    private final FakeShareControls controls = new FakeShareControls(DESKTOP);

    @Test
    void findsTheSourceBeforeTheCallAndSaysWhyWhenItIsNotThere() throws Exception {
        assertEquals(NOTES, ShareOnConnect.resolve(ShareRequest.parse("window:note"), DESKTOP).source());
        ShareOnConnect.Unavailable missing = assertThrows(ShareOnConnect.Unavailable.class,
                () -> ShareOnConnect.resolve(ShareRequest.parse("window:slides"),
                        new ScreenListing(List.of(SCREEN), Optional.of("Only X11 windows can be seen."))));
        assertEquals("No window whose title contains \"slides\" is open: Only X11 windows can be seen.",
                missing.getMessage());
        assertEquals(ShareRequest.parse("window:slides"), missing.request());
        assertEquals(Optional.of("Only X11 windows can be seen."), missing.notice());
    }

    @Test
    void startsOnceTheCallConnectsWhicheverComesFirst() throws Exception {
        ShareOnConnect early = ShareOnConnect.resolve(ShareRequest.SCREEN, DESKTOP);
        early.onEvent(new CallEvent.Connected(120));
        assertEquals(List.of(), controls.calls, "no call to share into yet");
        early.attach(controls);
        assertEquals(List.of("start Screen 1"), controls.calls, "connected before the call was attached");

        FakeShareControls later = new FakeShareControls(DESKTOP);
        ShareOnConnect waiting = ShareOnConnect.resolve(ShareRequest.SCREEN, DESKTOP);
        waiting.attach(later);
        waiting.onEvent(new CallEvent.PeerJoined(PeerId.OTHER, "Ana"));
        assertEquals(List.of(), later.calls, "not before the call connects");
        waiting.onEvent(new CallEvent.Connected(80));
        assertEquals(List.of("start Screen 1"), later.calls);
    }

    @Test
    void inARoomOnTheMediaServerMovingThereIsBeingConnected() throws Exception {
        ShareOnConnect share = ShareOnConnect.resolve(ShareRequest.SCREEN, DESKTOP);
        share.attach(controls);
        share.onEvent(new CallEvent.MovedToSfu(1234));
        assertEquals(List.of("start Screen 1"), controls.calls, "no per-person connection comes on Janus");
    }

    @Test
    void aReconnectDoesNotStartItAgain() throws Exception {
        ShareOnConnect share = ShareOnConnect.resolve(ShareRequest.SCREEN, DESKTOP);
        share.attach(controls);
        share.onEvent(new CallEvent.Connected(100));
        controls.stop(); // the person stopped the share
        share.onEvent(new CallEvent.Connected(PeerId.OTHER, 90));
        assertEquals(List.of("start Screen 1", "stop"), controls.calls);
    }
}
