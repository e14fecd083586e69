package dev.roomcall.app.presentation;

import dev.roomcall.app.call.CallEvent;
import dev.roomcall.app.call.ShareControls;
import dev.roomcall.media.render.FrameSource;
import dev.roomcall.media.screen.ScreenShare;
import dev.roomcall.media.screen.ScreenSource;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Screen sharing as a call screen shows it, without a UI toolkit: whether the picker is open and what it offers,
 * what this side shares (for the "You are sharing …" bar), why a share ended by itself, and whether the other
 * person shares. Commands go to the call's {@link ShareControls}; events come in through {@link #accept} on the
 * UI thread.
 */
public final class ShareModel {

    private final ShareControls controls;
    private volatile Supplier<Set<String>> ownTitles;
    private final Map<String, String> env;

    private final Value<Boolean> pickerOpen = new Value<>(false);
    private final Value<ShareChoices> choices = new Value<>(ShareChoices.NONE);
    private final Value<String> sharing = new Value<>("");
    private final Value<String> notice = new Value<>("");
    private final Value<Boolean> remoteSharing = new Value<>(false);

    /**
     * @param ownTitles the titles of Roomcall's own windows now, which the picker leaves out
     * @param env       the session's environment (for the Wayland notice)
     */
    public ShareModel(ShareControls controls, Supplier<Set<String>> ownTitles, Map<String, String> env) {
        this.controls = Objects.requireNonNull(controls, "controls");
        this.ownTitles = Objects.requireNonNull(ownTitles, "ownTitles");
        this.env = Map.copyOf(env);
    }

    /** Where the titles of Roomcall's own windows come from (the toolkit knows them), which the picker leaves out. */
    public void leaveOut(Supplier<Set<String>> titles) {
        ownTitles = Objects.requireNonNull(titles, "titles");
    }

    public Value<Boolean> pickerOpen() {
        return pickerOpen;
    }

    /** What the open picker offers. */
    public Value<ShareChoices> choices() {
        return choices;
    }

    /** The name of what this side shares now, "" while not sharing. */
    public Value<String> sharing() {
        return sharing;
    }

    /** Why the last share ended by itself or could not start, in words; "" when there is nothing to say. */
    public Value<String> notice() {
        return notice;
    }

    /** True while the other person shares a screen or window. */
    public Value<Boolean> remoteSharing() {
        return remoteSharing;
    }

    /** What is being sent while sharing (for the self-view); null while not sharing. */
    public FrameSource preview() {
        return controls.preview();
    }

    /** The share controls, for views that draw thumbnails. */
    public ShareControls controls() {
        return controls;
    }

    // ------------------------------------------------------------------ commands

    /** Opens the picker with what can be shared now (or closes it if open). */
    public void togglePicker() {
        if (pickerOpen.get()) {
            closePicker();
        } else {
            refresh();
            pickerOpen.set(true);
        }
    }

    /** Lists again what can be shared (windows come and go). */
    public void refresh() {
        choices.set(ShareChoices.of(controls.list(), ownTitles.get(), env));
    }

    public void closePicker() {
        pickerOpen.set(false);
    }

    /** Starts sharing {@code source} and closes the picker. */
    public void choose(ScreenSource source) {
        notice.set("");
        controls.start(source);
        pickerOpen.set(false);
    }

    public void stop() {
        controls.stop();
    }

    public void dismissNotice() {
        notice.set("");
    }

    // ------------------------------------------------------------------ what the call reports

    public void accept(CallEvent event) {
        if (event instanceof CallEvent.ShareStarted started) {
            sharing.set(started.source());
            notice.set("");
        } else if (event instanceof CallEvent.ShareStopped stopped) {
            sharing.set("");
            if (!ScreenShare.STOPPED_BY_USER.equals(stopped.reason())) {
                notice.set(CallStatus.text("share.ended", stopped.reason()));
            }
        } else if (event instanceof CallEvent.Error error && "share-failed".equals(error.code())) {
            notice.set(CallStatus.text("share.failed", error.message()));
        } else if (event instanceof CallEvent.RemoteShareStarted) {
            remoteSharing.set(true);
        } else if (event instanceof CallEvent.RemoteShareStopped || event instanceof CallEvent.PeerLeft
                || event instanceof CallEvent.Ended) {
            remoteSharing.set(false);
        }
    }
}
