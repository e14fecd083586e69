package dev.roomcall.media.session;

import dev.onvoid.webrtc.RTCBundlePolicy;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCIceServer;
import dev.onvoid.webrtc.RTCIceTransportPolicy;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCPeerConnectionState;
import dev.onvoid.webrtc.RTCRtcpMuxPolicy;
import dev.roomcall.media.SessionConfig;
import dev.roomcall.signaling.IceServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** How a session's config becomes libwebrtc's peer-connection configuration, and libwebrtc's states ours. */
final class RtcSettings {
    private static final Logger LOG = LoggerFactory.getLogger(RtcSettings.class);

    private RtcSettings() {}

    static RTCConfiguration of(SessionConfig config) {
        RTCConfiguration rtc = new RTCConfiguration();
        rtc.bundlePolicy = RTCBundlePolicy.MAX_BUNDLE;
        rtc.rtcpMuxPolicy = RTCRtcpMuxPolicy.REQUIRE;
        // Set both ways on purpose: relay-only must never quietly become "all" through a default.
        rtc.iceTransportPolicy = config.relayOnly() ? RTCIceTransportPolicy.RELAY : RTCIceTransportPolicy.ALL;
        for (IceServer server : config.iceServers()) {
            RTCIceServer ice = new RTCIceServer();
            ice.urls.addAll(server.urls());
            // webrtc-java hands these strings to native code as they are; absent means empty there.
            ice.username = server.username() == null ? "" : server.username();
            ice.password = server.credential() == null ? "" : server.credential();
            rtc.iceServers.add(ice);
        }
        return rtc;
    }

    /**
     * Sets {@code pc}'s ICE servers and policy to {@code wanted}'s, if they differ from {@code made}'s; before the
     * first local description, so nothing was gathered yet. False (logged) if libwebrtc refused.
     */
    static boolean reconfigure(String id, RTCPeerConnection pc, SessionConfig made, SessionConfig wanted) {
        if (!PreparedFit.iceChanged(made, wanted)) {
            return true;
        }
        try {
            pc.setConfiguration(of(wanted));
            LOG.info("session {}: ICE servers set again ({} servers, relay only {})", id, wanted.iceServers().size(),
                    wanted.relayOnly());
            return true;
        } catch (RuntimeException | Error e) {
            LOG.error("session {}: libwebrtc refused the ICE configuration", id, e);
            return false;
        }
    }

    static ConnectionState map(RTCPeerConnectionState state) {
        return switch (state) {
            case CONNECTING -> ConnectionState.CONNECTING;
            case CONNECTED -> ConnectionState.CONNECTED;
            case DISCONNECTED -> ConnectionState.DISCONNECTED;
            case FAILED -> ConnectionState.FAILED;
            case CLOSED -> ConnectionState.CLOSED;
            default -> ConnectionState.NEW;
        };
    }
}
