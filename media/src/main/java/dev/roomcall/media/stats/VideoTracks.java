package dev.roomcall.media.stats;

import java.util.Objects;

/**
 * A session's video by track: the camera and the shared screen, each way ({@link VideoStreamStats#NONE} for a stream
 * the report does not have). Received: the peer's first video m-section is its camera and any other its screen, as
 * the session shows them (docs/protocol.md, "Several video tracks"). Sent: the screen is the stream whose source is
 * the local screen track; in a call where the screen replaces the camera, that is the only one sent.
 */
public record VideoTracks(VideoStreamStats cameraReceived, VideoStreamStats screenReceived,
                          VideoStreamStats cameraSent, VideoStreamStats screenSent) {

    public static final VideoTracks NONE = new VideoTracks(VideoStreamStats.NONE, VideoStreamStats.NONE,
            VideoStreamStats.NONE, VideoStreamStats.NONE);

    public VideoTracks {
        Objects.requireNonNull(cameraReceived, "cameraReceived");
        Objects.requireNonNull(screenReceived, "screenReceived");
        Objects.requireNonNull(cameraSent, "cameraSent");
        Objects.requireNonNull(screenSent, "screenSent");
    }
}
