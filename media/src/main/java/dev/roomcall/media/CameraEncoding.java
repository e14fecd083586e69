package dev.roomcall.media;

/**
 * Limits for the camera's outgoing encoding in one session: in a group each person receives this side's camera on
 * a connection of its own, so the app sends each copy smaller ({@code app.call.GroupEncoding} decides how much).
 *
 * @param scaleDownBy   the picture's width and height are divided by this (1: as captured)
 * @param maxBitrateBps the encoder's ceiling in bits per second, 0 for libwebrtc's own
 * @param maxFramerate  frames per second at most, 0 for the capture's rate
 */
public record CameraEncoding(double scaleDownBy, int maxBitrateBps, int maxFramerate) {

    /** As captured, with libwebrtc's own bandwidth estimate as the only limit: a call with one other person. */
    public static final CameraEncoding FULL = new CameraEncoding(1, 0, 0);

    public CameraEncoding {
        if (!(scaleDownBy >= 1) || maxBitrateBps < 0 || maxFramerate < 0) {
            throw new IllegalArgumentException("scaleDownBy must be at least 1 and the limits not negative: "
                    + scaleDownBy + ", " + maxBitrateBps + ", " + maxFramerate);
        }
    }
}
