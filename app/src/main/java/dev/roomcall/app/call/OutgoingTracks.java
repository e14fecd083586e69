package dev.roomcall.app.call;

import dev.roomcall.media.local.LocalMedia;
import dev.roomcall.media.session.PeerMessage;

/**
 * What this side sends to every peer session: the microphone and the camera today, and where a new outgoing track
 * (a shared screen) joins. Switching one on or off changes what all sessions send; {@link #state()} is what the
 * peers are told so they can say "muted" for certain.
 */
final class OutgoingTracks {

    /** The kinds of track a call sends. */
    enum Kind {
        MICROPHONE, CAMERA
    }

    private final LocalMedia media;

    OutgoingTracks(LocalMedia media) {
        this.media = media;
    }

    void setEnabled(Kind kind, boolean on) {
        switch (kind) {
            case MICROPHONE -> media.setMicrophoneEnabled(on);
            case CAMERA -> media.setCameraEnabled(on);
            default -> throw new IllegalArgumentException(String.valueOf(kind));
        }
    }

    boolean enabled(Kind kind) {
        return switch (kind) {
            case MICROPHONE -> media.microphoneEnabled();
            case CAMERA -> media.cameraEnabled();
        };
    }

    /** The message that tells a peer which tracks are on. */
    PeerMessage.MediaState state() {
        return new PeerMessage.MediaState(enabled(Kind.MICROPHONE), enabled(Kind.CAMERA));
    }
}
