package dev.roomcall.app.call;

import dev.roomcall.media.CameraEncoding;

/**
 * How this side's camera is sent to each person in a call of a given size. In a mesh every other person gets a
 * copy of their own, encoded separately: with three others the camera is encoded three times and the uplink
 * carries three streams, so each copy is made smaller and cheaper as the group grows, the way the browser page
 * does (docs/architecture.md, "Group calls"). Each receiver also shows the picture smaller, in a grid tile.
 *
 * <table>
 *   <tr><th>others</th><th>size</th><th>bit rate at most</th><th>frame rate at most</th></tr>
 *   <tr><td>0–1</td><td>as captured</td><td>libwebrtc's estimate</td><td>as captured</td></tr>
 *   <tr><td>2</td><td>half</td><td>350 kbit/s</td><td>24</td></tr>
 *   <tr><td>3 and more</td><td>half</td><td>250 kbit/s</td><td>20</td></tr>
 * </table>
 */
public final class GroupEncoding {

    /** The page's own cap for a group (assets/web/app.js, GROUP_MAX_BITRATE): both ends of a pair send alike. */
    static final CameraEncoding TWO_OTHERS = new CameraEncoding(2, 350_000, 24);
    static final CameraEncoding THREE_OTHERS = new CameraEncoding(2, 250_000, 20);

    private GroupEncoding() {}

    /** The camera's limits for every session when {@code others} other people are in the call. */
    public static CameraEncoding forOthers(int others) {
        if (others < 0) {
            throw new IllegalArgumentException("a call cannot hold " + others + " other people");
        }
        if (others <= 1) {
            return CameraEncoding.FULL;
        }
        return others == 2 ? TWO_OTHERS : THREE_OTHERS;
    }
}
