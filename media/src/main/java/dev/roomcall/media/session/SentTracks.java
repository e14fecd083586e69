package dev.roomcall.media.session;

import dev.onvoid.webrtc.media.MediaStreamTrack;
import dev.roomcall.media.SessionConfig;
import dev.roomcall.media.local.LocalMedia;
import java.util.List;

/**
 * The local tracks a session sends when its config names only some ({@link SessionConfig#sends}): what local media
 * starts or stops under any other key passes this session by (its {@code afterwards} still runs, so local media
 * can let go of the track).
 */
final class SentTracks implements LocalMedia.Senders {

    private final SessionConfig config;
    private final LocalMedia.Senders senders;

    private SentTracks(SessionConfig config, LocalMedia.Senders senders) {
        this.config = config;
        this.senders = senders;
    }

    /** {@code senders} itself when the session sends everything, else a filter in front of it. */
    static LocalMedia.Senders of(SessionConfig config, LocalMedia.Senders senders) {
        return config.sends().isEmpty() ? senders : new SentTracks(config, senders);
    }

    /** The tracks of {@code attached} this session sends. */
    static List<LocalMedia.Outgoing> from(SessionConfig config, List<LocalMedia.Outgoing> attached) {
        return attached.stream().filter(track -> config.sends(track.key())).toList();
    }

    @Override
    public void send(String key, MediaStreamTrack track, Runnable afterwards) {
        if (config.sends(key)) {
            senders.send(key, track, afterwards);
        } else {
            afterwards.run();
        }
    }

    @Override
    public void stop(String key, Runnable afterwards) {
        if (config.sends(key)) {
            senders.stop(key, afterwards);
        } else {
            afterwards.run();
        }
    }
}
