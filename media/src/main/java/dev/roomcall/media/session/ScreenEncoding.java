package dev.roomcall.media.session;

import dev.onvoid.webrtc.RTCRtpEncodingParameters;
import dev.onvoid.webrtc.RTCRtpSendParameters;
import dev.onvoid.webrtc.RTCRtpSender;
import dev.roomcall.media.screen.ShareSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sender limits for a shared screen: text must stay sharp, so the frame rate is capped (and, being low already,
 * is what gives way first) while the resolution is the capture's. webrtc-java 0.14 exposes neither
 * {@code degradationPreference} nor a track content hint, so the cap on frame rate and bit rate is what we can set.
 */
final class ScreenEncoding {
    private static final Logger LOG = LoggerFactory.getLogger(ScreenEncoding.class);

    private ScreenEncoding() {}

    static void apply(String sessionId, RTCRtpSender sender) {
        try {
            RTCRtpSendParameters parameters = sender.getParameters();
            if (parameters == null || parameters.encodings == null || parameters.encodings.isEmpty()) {
                LOG.warn("session {}: screen sender has no encodings to limit", sessionId);
                return;
            }
            for (RTCRtpEncodingParameters encoding : parameters.encodings) {
                encoding.maxFramerate = (double) ShareSettings.MAX_FPS;
                encoding.maxBitrate = ShareSettings.DEFAULT.maxBitrateBps();
                encoding.scaleResolutionDownBy = 1.0;
            }
            sender.setParameters(parameters);
        } catch (RuntimeException e) {
            LOG.warn("session {}: cannot limit the screen sender: {}", sessionId, e.toString());
        }
    }
}
