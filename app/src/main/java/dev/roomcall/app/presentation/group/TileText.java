package dev.roomcall.app.presentation.group;

import dev.roomcall.app.presentation.CallStatus;
import dev.roomcall.app.presentation.NetworkQuality;
import dev.roomcall.signaling.DisplayText;
import java.util.ArrayList;
import java.util.List;

/** The words for a tile: the name to show, and what a screen reader says ("Ana, speaking, microphone off"). */
public final class TileText {

    private TileText() {}

    /** A name fit to show: bounded and cleaned as {@link DisplayText.Kind#NAME}; nothing left becomes "Guest". */
    public static String name(String raw) {
        String shown = DisplayText.bound(raw, DisplayText.Kind.NAME).text();
        return shown.isEmpty() ? CallStatus.text("group.guest") : shown;
    }

    /** What a screen reader says for the person's camera tile. */
    public static String describe(Tile tile) {
        List<String> parts = new ArrayList<>();
        parts.add(tile.name());
        if (tile.speaking()) {
            parts.add(CallStatus.text("group.a11y.speaking"));
        }
        if (!tile.microphoneOn()) {
            parts.add(CallStatus.text("group.a11y.microphoneOff"));
        }
        if (!tile.cameraOn()) {
            parts.add(CallStatus.text("group.a11y.cameraOff"));
        }
        if (tile.sharingScreen()) {
            parts.add(CallStatus.text("group.a11y.sharing"));
        }
        if (tile.quality() == NetworkQuality.POOR) {
            parts.add(CallStatus.text("group.a11y.poorConnection"));
        }
        if (tile.pinned()) {
            parts.add(CallStatus.text("group.a11y.pinned"));
        }
        return String.join(CallStatus.text("group.a11y.separator"), parts);
    }

    /** What a screen reader says for the person's shared screen. */
    public static String describeScreen(Tile tile) {
        return CallStatus.text("group.screenOf", tile.name());
    }

    /** The line over a shared screen shown large: "Ana is presenting". */
    public static String presenting(Tile tile) {
        return CallStatus.text("group.presenting", tile.name());
    }

    /** A line for the screen reader when someone arrives or leaves. */
    public static String presence(Presence change) {
        return CallStatus.text("group.presence." + change.change().name(), change.name());
    }
}
