package dev.roomcall.app.presentation;

/**
 * Turns WebRTC's audio level (linear amplitude, 0..1, a few readings a second) into what a meter should show:
 * on a decibel scale, because a voice at a tenth of full scale is clearly audible and should fill most of the
 * bar, and eased, rising at once and falling slowly, the way people read level meters.
 */
public final class LevelMeter {

    /** The quietest level the meter shows at all; below that it reads empty. */
    static final double FLOOR_DB = -60;
    /** How fast a falling bar empties: the whole range in about 1.2 s. */
    static final double FALL_PER_MS = 1.0 / 1200;

    private double shown;

    /** Where a level sits on the meter, 0..1. */
    public static double scale(double level) {
        if (!(level > 0)) {
            return 0;
        }
        double db = 20 * Math.log10(Math.min(1, level));
        return Math.max(0, Math.min(1, (db - FLOOR_DB) / -FLOOR_DB));
    }

    /**
     * @param level     the newest reading, 0..1
     * @param elapsedMs time since the previous call
     * @return the bar's fill, 0..1
     */
    public double update(double level, long elapsedMs) {
        double target = scale(level);
        if (target >= shown) {
            shown = target;
        } else {
            shown = Math.max(target, shown - FALL_PER_MS * Math.max(0, elapsedMs));
        }
        return shown;
    }

    public double shown() {
        return shown;
    }
}
