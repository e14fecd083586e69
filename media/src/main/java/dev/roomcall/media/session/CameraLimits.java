package dev.roomcall.media.session;

import dev.onvoid.webrtc.RTCRtpEncodingParameters;
import dev.onvoid.webrtc.RTCRtpSendParameters;
import dev.onvoid.webrtc.RTCRtpSender;
import dev.roomcall.media.CameraEncoding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Puts a {@link CameraEncoding} on the camera's sender (no renegotiation: only the encoder's parameters change). */
final class CameraLimits {
    private static final Logger LOG = LoggerFactory.getLogger(CameraLimits.class);

    private CameraLimits() {}

    static void apply(String sessionId, RTCRtpSender sender, CameraEncoding limits) {
        try {
            RTCRtpSendParameters parameters = sender.getParameters();
            if (parameters == null || parameters.encodings == null || parameters.encodings.isEmpty()) {
                LOG.warn("session {}: camera sender has no encodings to limit", sessionId);
                return;
            }
            for (RTCRtpEncodingParameters encoding : parameters.encodings) {
                encoding.scaleResolutionDownBy = limits.scaleDownBy();
                // null leaves the limit to libwebrtc, as a page's setParameters without the member does.
                encoding.maxBitrate = limits.maxBitrateBps() > 0 ? limits.maxBitrateBps() : null;
                encoding.maxFramerate = limits.maxFramerate() > 0 ? (double) limits.maxFramerate() : null;
            }
            sender.setParameters(parameters);
            LOG.info("session {}: camera sent at 1/{} size, {} bit/s, {} fps at most", sessionId,
                    limits.scaleDownBy(), limits.maxBitrateBps(), limits.maxFramerate());
        } catch (RuntimeException e) {
            LOG.warn("session {}: cannot limit the camera sender: {}", sessionId, e.toString());
        }
    }
}
