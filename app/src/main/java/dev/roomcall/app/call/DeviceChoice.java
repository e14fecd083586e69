package dev.roomcall.app.call;

import dev.roomcall.media.DeviceKind;
import dev.roomcall.media.MediaEngine;
import dev.roomcall.media.MediaWarning;
import java.util.Objects;
import java.util.Optional;

/**
 * The one way to change which camera, microphone or speaker the engine uses, whether the person picks one during a
 * call or their settings name one: both come through {@link #select}. The engine holds the current choice; the
 * person's preference for the next launch lives in the settings.
 */
public final class DeviceChoice {

    private final MediaEngine engine;

    public DeviceChoice(MediaEngine engine) {
        this.engine = Objects.requireNonNull(engine, "engine");
    }

    /**
     * Switches to the device; slow (it may restart capture or wait on the audio system), never call on a UI thread.
     *
     * @return why the device could not be used, or empty when it is in use now
     */
    public Optional<MediaWarning> select(DeviceKind kind, String deviceId) {
        return engine.select(kind, deviceId);
    }

    /** The device of that kind in use; null for the system default (or the synthetic source). */
    public String selected(DeviceKind kind) {
        return engine.selected(kind).orElse(null);
    }
}
