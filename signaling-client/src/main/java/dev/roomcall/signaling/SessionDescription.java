package dev.roomcall.signaling;

import java.util.Objects;

/** An SDP offer or answer as a browser's {@code JSON.stringify(RTCSessionDescription)} writes it. */
public record SessionDescription(String type, String sdp) {
    public SessionDescription {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(sdp, "sdp");
    }

    public boolean isOffer() {
        return "offer".equals(type);
    }

    public boolean isAnswer() {
        return "answer".equals(type);
    }
}
