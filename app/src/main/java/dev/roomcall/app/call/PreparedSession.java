package dev.roomcall.app.call;

import dev.roomcall.media.MediaWarning;
import dev.roomcall.media.SessionConfig;
import dev.roomcall.media.session.ConnectionState;
import dev.roomcall.media.session.PeerMessage;
import dev.roomcall.media.session.PeerSession;
import dev.roomcall.media.session.SessionListener;
import dev.roomcall.media.session.Signaller;
import dev.roomcall.media.stats.CallStats;
import dev.roomcall.media.stats.DtlsVerification;
import dev.roomcall.signaling.SignalMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A peer session made before the call knows whom it is for ({@link PeerSession#prepare}): its peer connection,
 * tracks and certificate get ready while the signaling socket connects, and the first person the call starts a
 * session with gets it ({@link PreparedUse}). Until then nobody hears from it: what it says or reports is dropped
 * (it says nothing before it starts; a failure closes it, and a closed one is not used). Only its {@link PeerSessions}
 * touches it, on the call's thread; the session's callbacks come there too.
 */
final class PreparedSession {

    private static final Logger log = LoggerFactory.getLogger(PreparedSession.class);

    private final PeerSession session;
    private final Relay relay;

    private PreparedSession(PeerSession session, Relay relay) {
        this.session = session;
        this.relay = relay;
    }

    /** Opens a session with {@code config} through {@code opener} and prepares it. */
    static PreparedSession open(PeerSessions.Opener opener, SessionConfig config) {
        Relay relay = new Relay();
        PeerSession session = opener.open(config, relay, relay);
        session.prepare();
        log.info("event=session-prepared session={}", session.id());
        return new PreparedSession(session, relay);
    }

    SessionConfig config() {
        return session.config();
    }

    boolean alive() {
        return session.connectionState() != ConnectionState.CLOSED;
    }

    /** From now on the session talks through {@code signaller} and reports to {@code listener}. */
    PeerSession bind(Signaller signaller, SessionListener listener) {
        relay.signaller = signaller;
        relay.listener = listener;
        log.info("event=session-prepared-used session={}", session.id());
        return session;
    }

    void close() {
        session.close();
    }

    /** Passes the session's words and reports on once it is bound; drops them before. */
    private static final class Relay implements Signaller, SessionListener {
        private static final SessionListener NOBODY = new SessionListener() { };
        private volatile Signaller signaller;
        private volatile SessionListener listener = NOBODY;

        @Override
        public void send(SignalMessage message) {
            Signaller to = signaller;
            if (to == null) {
                log.debug("event=prepared-signal-dropped type={}", message.getClass().getSimpleName());
            } else {
                to.send(message);
            }
        }

        @Override
        public void onConnectionState(ConnectionState state) {
            listener.onConnectionState(state);
        }

        @Override
        public void onConnectionState(ConnectionState state, long changedNanos) {
            listener.onConnectionState(state, changedNanos);
        }

        @Override
        public void onFirstRemoteVideo(int width, int height, long arrivedNanos) {
            listener.onFirstRemoteVideo(width, height, arrivedNanos);
        }

        @Override
        public void onRemoteShareStarted(int width, int height) {
            listener.onRemoteShareStarted(width, height);
        }

        @Override
        public void onRemoteShareStopped() {
            listener.onRemoteShareStopped();
        }

        @Override
        public void onRemoteVideo(String mid, int width, int height) {
            listener.onRemoteVideo(mid, width, height);
        }

        @Override
        public void onStats(CallStats stats) {
            listener.onStats(stats);
        }

        @Override
        public void onError(String code, String message) {
            if (listener == NOBODY) {
                log.warn("event=prepared-session-error code={} message={}", code, message);
            }
            listener.onError(code, message);
        }

        @Override
        public void onIceRestart(int attempt) {
            listener.onIceRestart(attempt);
        }

        @Override
        public void onMediaWarning(MediaWarning warning) {
            listener.onMediaWarning(warning);
        }

        @Override
        public void onDataChannel(boolean open) {
            listener.onDataChannel(open);
        }

        @Override
        public void onVerification(DtlsVerification verification) {
            listener.onVerification(verification);
        }

        @Override
        public void onPeerMessage(PeerMessage message) {
            listener.onPeerMessage(message);
        }

        @Override
        public void onRelayedMessage(String label, PeerMessage message) {
            listener.onRelayedMessage(label, message);
        }
    }
}
