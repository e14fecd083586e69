package dev.roomcall.app.call;

import dev.roomcall.media.MediaWarning;
import dev.roomcall.media.stats.CallStats;
import dev.roomcall.media.stats.DtlsVerification;
import java.util.List;
import java.util.Objects;

/**
 * What a call reports to whoever shows it: the headless JSON lines and the window both read these.
 * {@code ms} fields count from the moment the room was joined (signaling open).
 *
 * <p>Events about one other person carry its {@link PeerId} ({@link PeerId#OTHER} in a two-person call without
 * member ids: a demo relay, a demo page, an old server). The shorter constructors make such 1:1 events.
 */
public sealed interface CallEvent {

    record SignalingOpen(String url) implements CallEvent {}

    /** The socket dropped unexpectedly; the client is reconnecting. Media keeps flowing meanwhile. */
    record SignalingLost(String reason) implements CallEvent {}

    /**
     * In the room; {@code members} are the people already there, in the order they came (empty without ids), and
     * after a rejoin also those still connected with us who are on their way back into the room.
     */
    record Joined(String room, int peers, List<RemotePeer> members) implements CallEvent {
        public Joined {
            members = members == null ? List.of() : List.copyOf(members);
        }

        public Joined(String room, int peers) {
            this(room, peers, List.of());
        }
    }

    /** Someone came into the room after us. */
    record PeerJoined(PeerId peer, String name) implements CallEvent {
        public PeerJoined {
            Objects.requireNonNull(peer, "peer");
            name = name == null ? "" : name;
        }

        public PeerJoined() {
            this(PeerId.OTHER, "");
        }
    }

    /** Someone said (or changed) their display name, already bounded for showing as plain text. */
    record PeerName(PeerId peer, String name) implements CallEvent {}

    /** The connection to {@code peer} works (again, after {@link Disconnected}). */
    record Connected(PeerId peer, long ms) implements CallEvent {
        public Connected(long ms) {
            this(PeerId.OTHER, ms);
        }
    }

    /** ICE to {@code peer} dropped: it may come back by itself. */
    record Disconnected(PeerId peer) implements CallEvent {
        public Disconnected() {
            this(PeerId.OTHER);
        }
    }

    /** Connectivity stayed lost, so the call asked for new ICE candidates ({@code attempt} since it last worked). */
    record IceRestart(PeerId peer, int attempt) implements CallEvent {
        public IceRestart(int attempt) {
            this(PeerId.OTHER, attempt);
        }
    }

    /** Something about this side's media changed mid-call, e.g. the microphone's sound stopped arriving. */
    record MediaProblem(MediaWarning warning) implements CallEvent {}

    record FirstRemoteVideo(PeerId peer, int width, int height, long ms) implements CallEvent {
        public FirstRemoteVideo(int width, int height, long ms) {
            this(PeerId.OTHER, width, height, ms);
        }
    }

    /**
     * One person's statistics ({@code peer}, {@code stats}) as its session measured them, the newest of everyone in
     * the call ({@code everyone}, in the order they came), and the call's counters ({@code totals}: in a mesh
     * everyone's summed, in a room on the media server its connections' own).
     */
    record Stats(PeerId peer, CallStats stats, List<PeerStats> everyone, StatsTotals totals) implements CallEvent {
        public Stats {
            Objects.requireNonNull(peer, "peer");
            Objects.requireNonNull(stats, "stats");
            everyone = everyone == null ? List.of() : List.copyOf(everyone);
            totals = totals == null ? StatsTotals.sum(everyone) : totals;
        }

        /** A mesh's: the totals are everyone's sessions summed. */
        public Stats(PeerId peer, CallStats stats, List<PeerStats> everyone) {
            this(peer, stats, everyone, null);
        }

        public Stats(CallStats stats) {
            this(PeerId.OTHER, stats, List.of(new PeerStats(PeerId.OTHER, "", stats)));
        }

        /** Whether this person is the first in the call: one line per round of statistics is printed for them. */
        public boolean first() {
            return !everyone.isEmpty() && everyone.get(0).peer().equals(peer);
        }
    }

    /**
     * This side started sharing a screen or window with everyone in the call.
     *
     * @param source the shared source's name (a window's title, or "Screen 1")
     * @param window true for one window, false for a whole screen
     * @param width  the size sent (the source's, or scaled into the share's cap)
     */
    record ShareStarted(String source, boolean window, int width, int height) implements CallEvent {}

    /** This side's share ended: stopped on purpose, or because the window closed or the screen changed. */
    record ShareStopped(String reason) implements CallEvent {}

    /** {@code peer} started sharing a screen or window and its first frame was decoded. */
    record RemoteShareStarted(PeerId peer, int width, int height) implements CallEvent {
        public RemoteShareStarted(int width, int height) {
            this(PeerId.OTHER, width, height);
        }
    }

    /** {@code peer} stopped sharing. */
    record RemoteShareStopped(PeerId peer) implements CallEvent {
        public RemoteShareStopped() {
            this(PeerId.OTHER);
        }
    }

    /** Both DTLS fingerprints of the session with {@code peer} and the code the two people can compare aloud. */
    record Verification(PeerId peer, DtlsVerification verification) implements CallEvent {
        public Verification(DtlsVerification verification) {
            this(PeerId.OTHER, verification);
        }
    }

    /** Someone left ({@code left}) or hung up ({@code bye}); the call goes on with whoever else is there. */
    record PeerLeft(PeerId peer, String name, String reason) implements CallEvent {
        public PeerLeft {
            Objects.requireNonNull(peer, "peer");
            name = name == null ? "" : name;
        }

        public PeerLeft(String reason) {
            this(PeerId.OTHER, "", reason);
        }
    }

    /** The room had no place for us; {@code message} is the server's reason in words, or null when it is just full. */
    record RoomFull(String room, String message) implements CallEvent {
        public RoomFull(String room) {
            this(room, null);
        }

        /** What to tell the person: the server's words, or that the room is full. */
        public String explanation() {
            return message == null || message.isBlank() ? "Room " + room + " is full." : message;
        }
    }

    /** The room moved to the media server (protocol §14): everyone's media goes through it from now on. */
    record MovedToSfu(long videoroom) implements CallEvent {}

    /**
     * The media server went away: the pictures it carried are gone (none is left up as if live) and the call keeps
     * trying to get back to it.
     */
    record MediaServerLost(String reason) implements CallEvent {}

    /** Back on the media server after {@link MediaServerLost}. */
    record MediaServerBack() implements CallEvent {}

    /**
     * About once a second in a room on the media server: what this side's publishing connection sent and its
     * subscription (everyone else's feeds together) received.
     */
    record SfuStats(CallStats sending, CallStats receiving) implements CallEvent {}

    record Error(String code, String message) implements CallEvent {}

    /** Always the last event of a call. */
    record Ended(String reason) implements CallEvent {}
}
