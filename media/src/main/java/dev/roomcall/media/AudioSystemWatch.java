package dev.roomcall.media;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Turns successive device listings into "the sound system went away" and "it is back". Only a change counts:
 * a machine that never had a sound system was told so once at start ({@link MediaWarning#NO_AUDIO_SYSTEM}).
 * Feed it from a {@link DeviceWatcher}; it keeps no thread of its own.
 */
public final class AudioSystemWatch implements Consumer<DeviceListing> {
    private final Consumer<MediaWarning> warnings;
    private Boolean answered; // null until the first listing

    public AudioSystemWatch(Consumer<MediaWarning> warnings) {
        this.warnings = Objects.requireNonNull(warnings, "warnings");
    }

    @Override
    public synchronized void accept(DeviceListing listing) {
        boolean now = listing.audioAnswered();
        if (answered != null && answered && !now) {
            warnings.accept(new MediaWarning(MediaWarning.AUDIO_SYSTEM_LOST,
                    "The sound system stopped answering: no microphone and no sound. The call goes on with video."));
        } else if (answered != null && !answered && now) {
            warnings.accept(new MediaWarning(MediaWarning.AUDIO_SYSTEM_BACK,
                    "The sound system answers again; the next call uses it."));
        }
        answered = now;
    }
}
