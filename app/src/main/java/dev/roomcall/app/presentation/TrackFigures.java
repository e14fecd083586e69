package dev.roomcall.app.presentation;

import dev.roomcall.media.stats.VideoStreamStats;
import dev.roomcall.media.stats.VideoTracks;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One video track's figures as the statistics overlay shows them, next to the other tracks': the camera and a
 * shared screen, received and sent.
 *
 * @param track  which track, which way
 * @param width  frame width (0: no frame yet)
 * @param height frame height
 * @param fps    frames per second
 * @param kbps   kilobits per second since the snapshot before (0 for the first)
 * @param frames frames decoded (received) or sent so far
 */
public record TrackFigures(Track track, int width, int height, double fps, double kbps, long frames) {

    /** The overlay's columns, in this order. */
    public enum Track {
        CAMERA_RECEIVED, SCREEN_RECEIVED, CAMERA_SENT, SCREEN_SENT;

        public boolean received() {
            return this == CAMERA_RECEIVED || this == SCREEN_RECEIVED;
        }
    }

    public TrackFigures {
        Objects.requireNonNull(track, "track");
    }

    /**
     * The tracks {@code current} has, in the overlay's order, each with its bitrate since {@code previous}. A
     * screen appears only while one flows; the camera's columns while the session has a camera stream.
     *
     * @param previous the snapshot before from the same session, or null for the first
     * @param seconds  time between the two snapshots
     */
    public static List<TrackFigures> between(VideoTracks previous, VideoTracks current, double seconds) {
        List<TrackFigures> figures = new ArrayList<>(4);
        add(figures, Track.CAMERA_RECEIVED, previous == null ? null : previous.cameraReceived(), current.cameraReceived(), seconds);
        add(figures, Track.SCREEN_RECEIVED, previous == null ? null : previous.screenReceived(), current.screenReceived(), seconds);
        add(figures, Track.CAMERA_SENT, previous == null ? null : previous.cameraSent(), current.cameraSent(), seconds);
        add(figures, Track.SCREEN_SENT, previous == null ? null : previous.screenSent(), current.screenSent(), seconds);
        return List.copyOf(figures);
    }

    private static void add(List<TrackFigures> figures, Track track, VideoStreamStats before, VideoStreamStats now,
                            double seconds) {
        if (!now.present()) {
            return;
        }
        // A stream that started over (a new session, a new share) has smaller counters: no rate until the next one.
        boolean rate = before != null && before.present() && seconds > 0 && now.bytes() >= before.bytes();
        double kbps = rate ? (now.bytes() - before.bytes()) * 8 / 1000.0 / seconds : 0;
        figures.add(new TrackFigures(track, now.width(), now.height(), now.fps(), kbps, now.frames()));
    }
}
