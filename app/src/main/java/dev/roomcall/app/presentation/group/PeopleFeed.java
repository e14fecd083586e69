package dev.roomcall.app.presentation.group;

import dev.roomcall.app.call.CallEvent;
import dev.roomcall.app.call.PeerId;
import dev.roomcall.app.call.PeerStats;
import dev.roomcall.media.render.FrameSource;
import dev.roomcall.media.session.PeerMessage;
import java.util.function.Function;

/**
 * Feeds {@link Participants} from a call's events, each about one person ({@link PeerId}: a member id in a group, or
 * {@link PeerId#OTHER} in a two-person call without ids), and from what each person's side says about its
 * microphone and camera. Runs on the UI thread, after the call's models took the event.
 */
public final class PeopleFeed {

    private final Participants participants;
    private final Function<PeerId, FrameSource> pictures;
    private final Function<PeerId, FrameSource> screens;

    /**
     * @param pictures each person's newest camera picture source (null while there is none), callable on the UI thread
     * @param screens  each person's shared-screen source (null while there is none)
     */
    public PeopleFeed(Participants participants, Function<PeerId, FrameSource> pictures,
                      Function<PeerId, FrameSource> screens) {
        this.participants = participants;
        this.pictures = pictures;
        this.screens = screens;
    }

    public void accept(CallEvent event) {
        if (event instanceof CallEvent.Joined joined) {
            joined.members().forEach(member -> participants.wasThere(member.id(), member.name()));
            if (joined.members().isEmpty() && joined.peers() > 0) {
                participants.wasThere(PeerId.OTHER, ""); // a server without member ids: the one other person
            }
        } else if (event instanceof CallEvent.PeerJoined joined) {
            participants.joined(joined.peer(), joined.name());
        } else if (event instanceof CallEvent.PeerName named) {
            participants.renamed(named.peer(), named.name());
        } else if (event instanceof CallEvent.Connected connected) {
            present(connected.peer());
        } else if (event instanceof CallEvent.FirstRemoteVideo video) {
            present(video.peer());
        } else if (event instanceof CallEvent.Stats stats) {
            for (PeerStats person : stats.everyone()) {
                // A replaced session brings a new picture source; the statistics come every second to notice it.
                participants.video(person.peer(), pictures.apply(person.peer()));
                participants.audioLevel(person.peer(), person.stats().remoteAudioLevel());
                participants.stats(person.peer(), person.stats());
            }
        } else if (event instanceof CallEvent.MediaServerLost) {
            // Every picture through the media server is gone; none may stay up as if live.
            participants.tiles().get().forEach(tile -> participants.video(tile.peer(), null));
        } else if (event instanceof CallEvent.RemoteShareStarted shared) {
            // Their screen fills the stage, with everyone's camera beside it (the grid's layout rule).
            participants.screen(shared.peer(), screens.apply(shared.peer()));
        } else if (event instanceof CallEvent.RemoteShareStopped stopped) {
            participants.screen(stopped.peer(), null);
        } else if (event instanceof CallEvent.PeerLeft left) {
            participants.left(left.peer());
        } else if (event instanceof CallEvent.Ended) {
            participants.clear();
        }
    }

    /** What {@code peer}'s side said about its microphone and camera. */
    public void peerMessage(PeerId peer, PeerMessage message) {
        if (message instanceof PeerMessage.MediaState state) {
            participants.mediaState(peer, state.microphone(), state.camera());
        }
    }

    /** Someone we have a connection or a picture from is on the grid, with that picture. */
    private void present(PeerId peer) {
        if (participants.tile(peer).isEmpty()) {
            participants.wasThere(peer, "");
        }
        participants.video(peer, pictures.apply(peer));
    }
}
