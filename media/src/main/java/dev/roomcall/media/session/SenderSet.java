package dev.roomcall.media.session;

import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCRtpSender;
import dev.onvoid.webrtc.media.MediaStreamTrack;
import dev.roomcall.media.local.LocalMedia;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session's senders, one per local track key ({@link LocalMedia#MICROPHONE}, {@link LocalMedia#CAMERA}, ...).
 * Another track under a key that is sent already replaces the sender's track (no renegotiation); a new key adds a
 * sender and a stopped key removes one (libwebrtc then asks for renegotiation). Changes from {@link LocalMedia}
 * arrive on any thread and are carried out on the call's executor.
 */
final class SenderSet implements LocalMedia.Senders {
    private static final Logger LOG = LoggerFactory.getLogger(SenderSet.class);

    private final String id;
    private final SessionRunner runner;
    private final List<String> streams;
    private final Map<String, RTCRtpSender> senders = new LinkedHashMap<>();
    private RTCPeerConnection pc;

    SenderSet(String id, SessionRunner runner) {
        this.id = id;
        this.runner = runner;
        this.streams = List.of("roomcall-" + id);
    }

    /** Starts sending what local media sends now; on the executor. */
    void start(RTCPeerConnection connection, List<LocalMedia.Outgoing> tracks) {
        this.pc = connection;
        for (LocalMedia.Outgoing track : tracks) {
            apply(track.key(), track.track());
        }
    }

    /** The sender of {@code key}, or null; on the executor. */
    RTCRtpSender sender(String key) {
        return senders.get(key);
    }

    @Override
    public void send(String key, MediaStreamTrack track, Runnable afterwards) {
        runner.runOr(() -> {
            try {
                apply(key, track);
            } finally {
                afterwards.run();
            }
        }, afterwards);
    }

    @Override
    public void stop(String key, Runnable afterwards) {
        runner.runOr(() -> {
            try {
                RTCRtpSender sender = senders.remove(key);
                if (sender != null && pc != null) {
                    LOG.info("session {}: stops sending {}", id, key);
                    pc.removeTrack(sender);
                }
            } finally {
                afterwards.run();
            }
        }, afterwards);
    }

    /** Forgets every sender; at teardown, after the peer connection closed. */
    void clear() {
        senders.clear();
        pc = null;
    }

    private void apply(String key, MediaStreamTrack track) {
        if (pc == null) {
            return;
        }
        RTCRtpSender sender = senders.get(key);
        if (sender != null) {
            sender.replaceTrack(track);
        } else {
            LOG.info("session {}: sends {}", id, key);
            RTCRtpSender added = pc.addTrack(track, streams);
            senders.put(key, added);
            if (LocalMedia.SCREEN.equals(key)) {
                ScreenEncoding.apply(id, added);
            }
        }
    }
}
