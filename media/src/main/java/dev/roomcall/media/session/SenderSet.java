package dev.roomcall.media.session;

import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCRtpSender;
import dev.onvoid.webrtc.RTCRtpTransceiver;
import dev.onvoid.webrtc.RTCRtpTransceiverDirection;
import dev.onvoid.webrtc.media.MediaStreamTrack;
import dev.roomcall.media.CameraEncoding;
import dev.roomcall.media.local.LocalMedia;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session's senders, one per local track key ({@link LocalMedia#MICROPHONE}, {@link LocalMedia#CAMERA}, ...).
 * Another track under a key that is sent already replaces the sender's track (no renegotiation); a new key adds a
 * sender, and a stopped key turns its transceiver receive-only (libwebrtc then asks for renegotiation). Sending
 * that key again reuses the transceiver, so a share switched on and off many times keeps one m-section instead of
 * growing the SDP by one each time. Changes from {@link LocalMedia}
 * arrive on any thread and are carried out on the call's executor.
 */
final class SenderSet implements LocalMedia.Senders {
    private static final Logger LOG = LoggerFactory.getLogger(SenderSet.class);

    private final String id;
    private final SessionRunner runner;
    private final List<String> streams;
    private final Map<String, RTCRtpSender> senders = new LinkedHashMap<>();
    private final Map<String, RTCRtpTransceiver> transceivers = new LinkedHashMap<>();
    private RTCPeerConnection pc;
    private CameraEncoding cameraLimits = CameraEncoding.FULL;

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

    /** Limits the camera's encoding from now on (and at once if it is sent already); on the executor. */
    void limitCamera(CameraEncoding limits) {
        if (limits.equals(cameraLimits)) {
            return;
        }
        cameraLimits = limits;
        RTCRtpSender camera = senders.get(LocalMedia.CAMERA);
        if (camera != null && pc != null) {
            CameraLimits.apply(id, camera, limits);
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
                RTCRtpTransceiver transceiver = transceivers.get(key);
                if (sender != null && pc != null) {
                    LOG.info("session {}: stops sending {}", id, key);
                    sender.replaceTrack(null);
                    if (transceiver != null) {
                        transceiver.setDirection(RTCRtpTransceiverDirection.RECV_ONLY);
                    } else {
                        pc.removeTrack(sender);
                    }
                }
            } finally {
                afterwards.run();
            }
        }, afterwards);
    }

    /**
     * Sets every sender's track again; on the executor, after an offer collision was settled by a rollback.
     * libwebrtc's rollback (webrtc-java 0.14) recreates the existing send streams without their sources, so the
     * peer would get no more frames from a track sent before the collision (docs/protocol.md section 12).
     */
    void reattach() {
        if (pc == null) {
            return;
        }
        senders.forEach((key, sender) -> {
            MediaStreamTrack track = sender.getTrack();
            if (track != null) {
                LOG.debug("session {}: sets the {} track again after a rollback", id, key);
                sender.replaceTrack(null);
                sender.replaceTrack(track);
            }
        });
    }

    /** The transceiver that sends {@code key}'s track, once it was sent; on the executor. */
    java.util.Optional<RTCRtpTransceiver> transceiver(String key) {
        return java.util.Optional.ofNullable(transceivers.get(key));
    }

    /** Forgets every sender; at teardown, after the peer connection closed. */
    void clear() {
        senders.clear();
        transceivers.clear();
        pc = null;
    }

    private java.util.Optional<RTCRtpTransceiver> transceiverOf(MediaStreamTrack track) {
        String trackId = track.getId();
        for (RTCRtpTransceiver transceiver : pc.getTransceivers()) {
            MediaStreamTrack sent = transceiver.getSender().getTrack();
            if (sent != null && trackId.equals(sent.getId())) {
                return java.util.Optional.of(transceiver);
            }
        }
        return java.util.Optional.empty();
    }

    private void apply(String key, MediaStreamTrack track) {
        if (pc == null) {
            return;
        }
        RTCRtpSender sender = senders.get(key);
        RTCRtpTransceiver idle = transceivers.get(key);
        if (sender != null) {
            sender.replaceTrack(track);
        } else if (idle != null) {
            LOG.info("session {}: sends {} again", id, key);
            RTCRtpSender reused = idle.getSender();
            reused.replaceTrack(track);
            idle.setDirection(RTCRtpTransceiverDirection.SEND_RECV);
            senders.put(key, reused);
            limit(key, reused);
        } else {
            LOG.info("session {}: sends {}", id, key);
            // Only the camera shares a stream with the microphone: libwebrtc lip-syncs one video per stream.
            RTCRtpSender added = pc.addTrack(track, key.equals(LocalMedia.CAMERA) || key.equals(LocalMedia.MICROPHONE)
                    ? streams : List.of(streams.get(0) + "-" + key));
            senders.put(key, added);
            transceiverOf(track).ifPresent(t -> transceivers.put(key, t));
            limit(key, added);
        }
    }

    /** A new or reused sender gets its kind's limits: the screen's own, the camera's for the call's size. */
    private void limit(String key, RTCRtpSender sender) {
        if (LocalMedia.SCREEN.equals(key)) {
            ScreenEncoding.apply(id, sender);
        } else if (LocalMedia.CAMERA.equals(key) && !cameraLimits.equals(CameraEncoding.FULL)) {
            CameraLimits.apply(id, sender, cameraLimits);
        }
    }
}
