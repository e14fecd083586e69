package dev.roomcall.app.presentation.group;

import dev.roomcall.app.call.CallEvent;
import dev.roomcall.app.call.PeerId;
import dev.roomcall.app.presentation.CallViewModel;
import dev.roomcall.app.presentation.RemoteAudio;
import dev.roomcall.media.render.FrameSource;
import java.util.function.Supplier;

/**
 * Feeds {@link Participants} from a call with one other person ({@link PeerId#OTHER}): its events, and what the
 * {@link CallViewModel} made of the other side's microphone, camera and connection. A call that reports each
 * person by id feeds the participants directly instead.
 */
public final class OnePersonFeed {

    private static final PeerId OTHER = PeerId.OTHER;

    private final Participants participants;
    private final CallViewModel model;
    private final Supplier<FrameSource> remoteVideo;

    private OnePersonFeed(Participants participants, CallViewModel model, Supplier<FrameSource> remoteVideo) {
        this.participants = participants;
        this.model = model;
        this.remoteVideo = remoteVideo;
    }

    /**
     * Starts feeding {@code participants}; hand the call's events to {@link #accept} after {@code model} took them.
     *
     * @param remoteVideo the other person's newest picture source; may return null
     */
    public static OnePersonFeed start(Participants participants, CallViewModel model,
                                      Supplier<FrameSource> remoteVideo) {
        OnePersonFeed feed = new OnePersonFeed(participants, model, remoteVideo);
        model.remoteAudio().observe(a -> feed.mediaState());
        model.remoteCameraOn().observe(c -> feed.mediaState());
        model.quality().observe(q -> participants.quality(OTHER, q));
        return feed;
    }

    public void accept(CallEvent event) {
        if (event instanceof CallEvent.Joined joined) {
            if (joined.peers() > 0) {
                participants.wasThere(OTHER, "");
                mediaState();
            }
        } else if (event instanceof CallEvent.PeerJoined) {
            participants.joined(OTHER, "");
            mediaState();
        } else if (event instanceof CallEvent.Connected || event instanceof CallEvent.FirstRemoteVideo) {
            if (participants.tile(OTHER).isEmpty()) {
                participants.wasThere(OTHER, "");
                mediaState();
            }
            participants.video(OTHER, remoteVideo.get());
        } else if (event instanceof CallEvent.Stats stats) {
            // A replaced session brings a new picture source; the statistics come every second to notice it.
            participants.video(OTHER, remoteVideo.get());
            participants.audioLevel(OTHER, stats.stats().remoteAudioLevel());
        } else if (event instanceof CallEvent.PeerLeft) {
            participants.left(OTHER);
        } else if (event instanceof CallEvent.Ended) {
            participants.clear();
        }
    }

    private void mediaState() {
        participants.mediaState(OTHER, model.remoteAudio().get() != RemoteAudio.MUTED, model.remoteCameraOn().get());
        participants.quality(OTHER, model.quality().get());
    }
}
