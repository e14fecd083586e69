package dev.roomcall.media.stats;

/**
 * One video stream of a session, one way: what the report says about the camera or the shared screen, received or
 * sent. Counters are totals since the stream began.
 *
 * @param width  frame width (decoded when received, encoded when sent); 0 before the first frame
 * @param height frame height
 * @param fps    frames per second, as libwebrtc measures it
 * @param bytes  payload bytes received or sent
 * @param frames frames decoded (received) or sent
 */
public record VideoStreamStats(int width, int height, double fps, long bytes, long frames) {

    /** The report has no such stream. */
    public static final VideoStreamStats NONE = new VideoStreamStats(0, 0, 0, 0, 0);

    /** Whether the report has this stream at all. */
    public boolean present() {
        return !equals(NONE);
    }
}
