package dev.roomcall.app.call;

import dev.roomcall.media.MediaWarning;
import dev.roomcall.media.session.ConnectionState;
import dev.roomcall.media.session.PeerMessage;
import dev.roomcall.media.session.PeerSession;
import dev.roomcall.media.session.SessionListener;
import dev.roomcall.media.stats.CallStats;
import dev.roomcall.media.stats.DtlsVerification;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One peer session of a call and what the call remembers about it: whether it ever connected, whether it is
 * interrupted now, whether its first picture was announced. It turns the session's callbacks into
 * {@link CallEvent}s. Every method runs on the call's thread; the call drops the callbacks of a link it no longer
 * holds before they reach this class (see {@link CallController}).
 */
final class PeerLink {

    /** What a link needs from its call. */
    interface Call {
        void emit(CallEvent event);

        long sinceJoinedMs();

        /** The chat channel opened or closed. */
        void chatChannel(PeerLink link, boolean open);

        void peerMessage(PeerLink link, PeerMessage message);

        /** The session measured its statistics. */
        void stats(PeerLink link, CallStats stats);
    }

    final PeerId peer;
    /** Orders the call's people by when their session began (the window shows the first one large). */
    final long order;
    private final Call call;
    private PeerSession session;
    /** Written on the call's thread; volatile because the window reads the people on its own thread. */
    private volatile String name = "";
    private CallStats lastStats;
    private boolean connectedOnce;
    private boolean interrupted;
    private boolean remoteVideoSeen;

    PeerLink(PeerId peer, long order, Call call) {
        this.peer = peer;
        this.order = order;
        this.call = call;
    }

    String name() {
        return name;
    }

    void name(String newName) {
        name = newName == null ? "" : newName;
    }

    RemotePeer remote() {
        return new RemotePeer(peer, name);
    }

    /** The session's newest statistics, or null before the first round. */
    CallStats lastStats() {
        return lastStats;
    }

    /** Connected now: it connected once and is not interrupted (a rejoin keeps such a session, media and all). */
    boolean connectedNow() {
        return connectedOnce && !interrupted;
    }

    void attach(PeerSession started) {
        this.session = started;
    }

    PeerSession session() {
        return session;
    }

    /** The session's callbacks, each handed to {@code onCallThread} (which drops those of a replaced link). */
    SessionListener listener(Consumer<Runnable> onCallThread) {
        return new SessionListener() {
            @Override
            public void onConnectionState(ConnectionState state) {
                onCallThread.accept(() -> connectionState(state, System.nanoTime()));
            }

            @Override
            public void onConnectionState(ConnectionState state, long changedNanos) {
                onCallThread.accept(() -> connectionState(state, changedNanos));
            }

            @Override
            public void onMediaWarning(MediaWarning warning) {
                onCallThread.accept(() -> call.emit(new CallEvent.MediaProblem(warning)));
            }

            @Override
            public void onIceRestart(int attempt) {
                onCallThread.accept(() -> call.emit(new CallEvent.IceRestart(peer, attempt)));
            }

            @Override
            public void onFirstRemoteVideo(int width, int height, long arrivedNanos) {
                onCallThread.accept(() -> firstRemoteVideo(width, height, arrivedNanos));
            }

            @Override
            public void onRemoteShareStarted(int width, int height) {
                onCallThread.accept(() -> call.emit(new CallEvent.RemoteShareStarted(peer, width, height)));
            }

            @Override
            public void onRemoteShareStopped() {
                onCallThread.accept(() -> call.emit(new CallEvent.RemoteShareStopped(peer)));
            }

            @Override
            public void onStats(CallStats stats) {
                onCallThread.accept(() -> {
                    lastStats = stats;
                    call.stats(PeerLink.this, stats);
                });
            }

            @Override
            public void onVerification(DtlsVerification verification) {
                onCallThread.accept(() -> call.emit(new CallEvent.Verification(peer, verification)));
            }

            @Override
            public void onError(String code, String message) {
                onCallThread.accept(() -> call.emit(new CallEvent.Error(code, message)));
            }

            @Override
            public void onDataChannel(boolean open) {
                onCallThread.accept(() -> call.chatChannel(PeerLink.this, open));
            }

            @Override
            public void onPeerMessage(PeerMessage message) {
                onCallThread.accept(() -> call.peerMessage(PeerLink.this, message));
            }
        };
    }

    private void connectionState(ConnectionState state, long changedNanos) {
        if (state == ConnectionState.CONNECTED && (!connectedOnce || interrupted)) {
            // Again after an interruption, so whoever shows the call can say it is back.
            connectedOnce = true;
            interrupted = false;
            call.emit(new CallEvent.Connected(peer, sinceJoinedMs(changedNanos)));
        } else if (state == ConnectionState.DISCONNECTED) {
            interrupted = true;
            call.emit(new CallEvent.Disconnected(peer));
        } else if (state == ConnectionState.FAILED && connectedOnce) {
            // The session restarts ICE by itself; until it works again this is an interruption.
            if (!interrupted) {
                interrupted = true;
                call.emit(new CallEvent.Disconnected(peer));
            }
        } else if (state == ConnectionState.FAILED) {
            call.emit(new CallEvent.Error("ice-failed", "The connection to the peer failed."));
        }
    }

    private void firstRemoteVideo(int width, int height, long arrivedNanos) {
        if (!remoteVideoSeen) {
            remoteVideoSeen = true;
            // When the frame arrived, not when this thread got to the news: the window shows it from its own source.
            call.emit(new CallEvent.FirstRemoteVideo(peer, width, height, sinceJoinedMs(arrivedNanos)));
        }
    }

    /** The call's milliseconds since joining, taken back to {@code nanos} (a {@link System#nanoTime()} stamp). */
    private long sinceJoinedMs(long nanos) {
        long sinceThenMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
        return Math.max(0, call.sinceJoinedMs() - sinceThenMs);
    }
}
