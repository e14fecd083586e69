package dev.roomcall.app.presentation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.app.call.CallEvent;
import dev.roomcall.app.i18n.I18n;
import dev.roomcall.media.screen.ScreenListing;
import dev.roomcall.media.screen.ScreenShare;
import dev.roomcall.media.screen.ScreenSource;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Screen sharing as the call screen shows it, driven by a person's commands and the call's events. */
class ShareModelTest {

    private static final ScreenSource SCREEN = new ScreenSource(ScreenSource.Kind.SCREEN, 1, "Screen 1", 0, 0, 1920, 1080);
    private static final ScreenSource NOTES = new ScreenSource(ScreenSource.Kind.WINDOW, 3, "notes.txt", 0, 0, 800, 600);
    private static final ScreenSource OWN = new ScreenSource(ScreenSource.Kind.WINDOW, 4, "Roomcall", 0, 0, 800, 600);

    private final FakeShareControls controls = new FakeShareControls(ScreenListing.of(List.of(SCREEN, NOTES, OWN)));
    private final ShareModel model = new ShareModel(controls, () -> Set.of("Roomcall"), Map.of("DISPLAY", ":0"));
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

    @Test
    void sIsTheShareShortcut() {
        assertEquals(CallAction.TOGGLE_SHARE, CallAction.forKey("S", false));
        assertEquals(CallAction.TOGGLE_SHARE, CallAction.forKey("s", false));
        assertEquals("Share your screen or a window", CallAction.TOGGLE_SHARE.description());
    }

    @Test
    void thePickerListsWhatCanBeSharedNowWithoutRoomcallsOwnWindows() {
        model.togglePicker();
        assertTrue(model.pickerOpen().get());
        assertEquals(List.of(SCREEN, NOTES), model.choices().get().sources());
        model.togglePicker();
        assertFalse(model.pickerOpen().get());
    }

    @Test
    void choosingStartsSharingAndClosesThePicker() {
        model.togglePicker();
        model.choose(NOTES);
        assertEquals(List.of("list", "start notes.txt"), controls.calls);
        assertFalse(model.pickerOpen().get());
        assertEquals("", model.sharing().get(), "sharing shows once the call says it started");
        model.accept(new CallEvent.ShareStarted("notes.txt", true, 800, 600));
        assertEquals("notes.txt", model.sharing().get());
    }

    @Test
    void stoppingOnPurposeSaysNothingMore() {
        model.accept(new CallEvent.ShareStarted("Screen 1", false, 1920, 1080));
        model.stop();
        model.accept(new CallEvent.ShareStopped(ScreenShare.STOPPED_BY_USER));
        assertEquals("", model.sharing().get());
        assertEquals("", model.notice().get());
        assertTrue(controls.calls.contains("stop"));
    }

    @Test
    void aShareThatEndsByItselfSaysWhyUntilDismissed() {
        model.accept(new CallEvent.ShareStarted("notes.txt", true, 800, 600));
        model.accept(new CallEvent.ShareStopped("The shared window \"notes.txt\" was closed."));
        assertEquals("", model.sharing().get());
        assertEquals("Sharing stopped: The shared window \"notes.txt\" was closed.", model.notice().get());
        model.dismissNotice();
        assertEquals("", model.notice().get());
    }

    @Test
    void aShareThatCannotStartSaysWhy() {
        model.accept(new CallEvent.Error("share-failed", "Cannot share notes.txt: it was closed."));
        assertEquals("Sharing did not start: Cannot share notes.txt: it was closed.", model.notice().get());
        model.accept(new CallEvent.Error("ice-failed", "x"));
        assertEquals("Sharing did not start: Cannot share notes.txt: it was closed.", model.notice().get(),
                "other errors are not the share's");
    }

    @Test
    void theOtherPersonPresentsUntilTheyStopOrLeave() {
        model.accept(new CallEvent.RemoteShareStarted(1280, 720));
        assertTrue(model.remoteSharing().get());
        model.accept(new CallEvent.RemoteShareStopped());
        assertFalse(model.remoteSharing().get());
        model.accept(new CallEvent.RemoteShareStarted(1280, 720));
        model.accept(new CallEvent.PeerLeft("bye"));
        assertFalse(model.remoteSharing().get());
    }
}
