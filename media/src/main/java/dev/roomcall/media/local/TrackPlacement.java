package dev.roomcall.media.local;

/** Where a video track added to {@link LocalMedia} goes in every session. */
public enum TrackPlacement {
    /** On a sender of its own, beside the camera (the session renegotiates). */
    BESIDE_CAMERA,
    /**
     * On the camera's sender in place of the camera until removed, then the camera again (no renegotiation): for a
     * peer that shows one video stream.
     */
    INSTEAD_OF_CAMERA
}
