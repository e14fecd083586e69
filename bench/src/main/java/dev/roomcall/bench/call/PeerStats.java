package dev.roomcall.bench.call;

/**
 * A peer's receive counters at one moment.
 *
 * @param nanos         {@link System#nanoTime()} when the bench read (or received) them
 * @param framesDecoded remote video frames decoded so far
 * @param width         decoded remote width
 * @param height        decoded remote height
 */
record PeerStats(long nanos, long framesDecoded, int width, int height) {

    static final PeerStats NONE = new PeerStats(0, 0, 0, 0);

    /** Frames per second decoded between {@code earlier} and this; NaN if no time passed. */
    double fpsSince(PeerStats earlier) {
        long nanosBetween = nanos - earlier.nanos;
        if (nanosBetween <= 0) {
            return Double.NaN;
        }
        return (framesDecoded - earlier.framesDecoded) * 1e9 / nanosBetween;
    }
}
