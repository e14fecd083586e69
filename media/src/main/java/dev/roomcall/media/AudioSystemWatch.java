package dev.roomcall.media;

import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns successive device listings into "the sound system went away" (it stops answering, or answers with
 * neither microphones nor speakers) and "it is back". Only a change counts:
 * a machine that never had a sound system was told so once at start ({@link MediaWarning#NO_AUDIO_SYSTEM}).
 * Feed it from a {@link DeviceWatcher}; it keeps no thread of its own.
 */
public final class AudioSystemWatch implements Consumer<DeviceListing> {
    private static final Logger LOG = LoggerFactory.getLogger(AudioSystemWatch.class);
    private final Consumer<MediaWarning> warnings;
    private Boolean answered; // null until the first listing

    public AudioSystemWatch(Consumer<MediaWarning> warnings) {
        this.warnings = Objects.requireNonNull(warnings, "warnings");
    }

    @Override
    public synchronized void accept(DeviceListing listing) {
        // A sound server that died may leave the client library answering at once with nothing in it.
        boolean now = listing.audioAnswered() && !(listing.microphones().isEmpty() && listing.speakers().isEmpty());
        if (answered != null && answered && !now) {
            warnings.accept(new MediaWarning(MediaWarning.AUDIO_SYSTEM_LOST,
                    "The sound system stopped answering: no microphone and no sound. The call goes on with video."));
        } else if (answered != null && !answered && now) {
            warnings.accept(new MediaWarning(MediaWarning.AUDIO_SYSTEM_BACK,
                    "The sound system answers again; the next call uses it."));
        }
        if (answered == null || answered != now) {
            LOG.info("sound system {}: {} microphones, {} speakers", now ? "usable" : "unusable",
                    listing.microphones().size(), listing.speakers().size());
        }
        answered = now;
    }
}
