package dev.roomcall.app.settings;

import java.util.Objects;

/** Everything in the settings file at once; {@code window} is null until the window was closed once. */
record SavedState(Settings settings, WindowPlacement window, RecentRooms recentRooms) {

    SavedState {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(recentRooms, "recentRooms");
    }

    static SavedState defaults() {
        return new SavedState(Settings.defaults(), null, RecentRooms.empty());
    }
}
