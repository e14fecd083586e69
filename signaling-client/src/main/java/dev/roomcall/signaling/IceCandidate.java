package dev.roomcall.signaling;

import java.util.Objects;

/**
 * One ICE candidate as a browser's {@code JSON.stringify(RTCIceCandidate)} writes it.
 * {@code sdpMid} and {@code sdpMLineIndex} may each be null (the spec needs one of them);
 * {@code usernameFragment} is optional and only kept so a relay round-trip stays faithful.
 */
public record IceCandidate(String candidate, String sdpMid, Integer sdpMLineIndex, String usernameFragment) {
    public IceCandidate {
        Objects.requireNonNull(candidate, "candidate");
        if (sdpMid == null && sdpMLineIndex == null) {
            throw new IllegalArgumentException("an ICE candidate needs sdpMid or sdpMLineIndex");
        }
    }

    public IceCandidate(String candidate, String sdpMid, Integer sdpMLineIndex) {
        this(candidate, sdpMid, sdpMLineIndex, null);
    }

    /** An empty candidate string is the browser's end-of-candidates marker. */
    public boolean isEndOfCandidates() {
        return candidate.isEmpty();
    }
}
