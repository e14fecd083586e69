package dev.roomcall.bench.call;

/**
 * One seat of a group call, counted at one moment: frames decoded from everyone, frames sent to everyone (each copy
 * of the camera counts), and how many people's pictures it decodes.
 */
record SeatCounters(long nanos, long framesDecoded, long framesSent, int decoding) {

    /** Frames per second decoded between {@code earlier} and this. */
    double decodedFpsSince(SeatCounters earlier) {
        return (framesDecoded - earlier.framesDecoded) / seconds(earlier);
    }

    /** Frames per second sent (all copies) between {@code earlier} and this. */
    double sentFpsSince(SeatCounters earlier) {
        return (framesSent - earlier.framesSent) / seconds(earlier);
    }

    private double seconds(SeatCounters earlier) {
        return (nanos - earlier.nanos) / 1e9;
    }
}
