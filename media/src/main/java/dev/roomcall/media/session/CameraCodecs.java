package dev.roomcall.media.session;

import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.RTCRtpCodecCapability;
import dev.onvoid.webrtc.RTCRtpTransceiver;
import dev.onvoid.webrtc.media.MediaType;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks for H.264 first on the camera's m-section, set on its transceiver before each offer or answer. libwebrtc
 * (ours and every browser's) sends with the first codec of the answer, so this picks the camera's codec both ways.
 * H.264 over VP8 because OpenH264's encoder and decoder cost less than libvpx's for the same 720p at 30 fps (about a
 * quarter less CPU and ≈ 27 MiB less memory in the call benchmark) and browsers decode it in hardware where they can; a peer
 * without H.264 (Firefox without its OpenH264 plug-in) answers with VP8, which stays in the list.
 *
 * <p>Only the camera: a shared screen or window can be larger than H.264's level 3.1 (1280×720), the level every
 * browser offers, and odd-sized; it keeps libwebrtc's order (VP8 first).
 */
final class CameraCodecs {
    private static final Logger LOG = LoggerFactory.getLogger(CameraCodecs.class);

    static final String PREFERRED = "H264";

    private final String session;
    private final List<RTCRtpCodecCapability> order;
    private RTCRtpTransceiver done;

    private CameraCodecs(String session, List<RTCRtpCodecCapability> order) {
        this.session = session;
        this.order = order;
    }

    /** The factory's video codecs with {@link #PREFERRED} first; none (nothing is set) if libwebrtc cannot say. */
    static CameraCodecs of(String session, PeerConnectionFactory factory) {
        List<RTCRtpCodecCapability> codecs;
        try {
            codecs = factory.getRtpReceiverCapabilities(MediaType.VIDEO).getCodecs();
        } catch (RuntimeException | Error e) {
            LOG.warn("session {}: no video codec list from libwebrtc; its own order stays", session, e);
            codecs = List.of();
        }
        return new CameraCodecs(session, VideoCodecOrder.preferring(codecs, RTCRtpCodecCapability::getName, PREFERRED));
    }

    /** Sets the order on the camera's transceiver, once per transceiver; on the executor, before a description. */
    void applyTo(Optional<RTCRtpTransceiver> camera) {
        if (camera.isEmpty() || camera.get() == done || order.isEmpty()) {
            return;
        }
        try {
            camera.get().setCodecPreferences(order);
            done = camera.get();
        } catch (RuntimeException | Error e) {
            // A stopped transceiver refuses; the description then carries libwebrtc's own order, which works too.
            LOG.info("session {}: camera codec order not set: {}", session, e.toString());
        }
    }
}
