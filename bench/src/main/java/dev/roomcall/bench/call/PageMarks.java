package dev.roomcall.bench.call;

/**
 * The page probe's timestamps (ms of page time; NaN where not reached). See page-probe.js.
 *
 * @param timeOrigin navigation start, epoch ms
 */
record PageMarks(double timeOrigin, double wsOpen, double joined, double connected, double decoded, double presented) {

    static final PageMarks NONE = new PageMarks(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    /** Signaling open → connected, ms. */
    double connectedMs() {
        return connected - wsOpen;
    }

    /** Signaling open → first remote frame, ms: the earlier of "decoded" and "presented" (either may be missing). */
    double firstFrameMs() {
        double first = Double.isNaN(decoded) ? presented : Double.isNaN(presented) ? decoded : Math.min(decoded, presented);
        return first - wsOpen;
    }

    boolean hasFirstFrame() {
        return !Double.isNaN(firstFrameMs());
    }

    /** Epoch ms at which signaling opened. */
    double wsOpenEpochMs() {
        return timeOrigin + wsOpen;
    }
}
