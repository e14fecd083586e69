package dev.roomcall.media;

/** What the local video track is showing the peer. */
public enum CameraState {
    /** The synthetic test pattern of {@link MediaOptions#fakeMedia()}. */
    FAKE,
    /** A real capture device. */
    DEVICE,
    /** No usable camera: the peer sees a calm "camera off" slate instead of a frozen frame. */
    NONE
}
