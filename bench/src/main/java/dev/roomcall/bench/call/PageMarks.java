package dev.roomcall.bench.call;

/**
 * The page probe's timestamps (ms of page time; NaN where not reached). See page-probe.js.
 *
 * @param timeOrigin navigation start, epoch ms
 * @param offerIn    the peer's offer arrived (on the answering page)
 * @param answerOut  this page sent its answer
 * @param firstSent  getStats first showed a sent video frame
 */
record PageMarks(double timeOrigin, double wsOpen, double joined, double connected, double decoded, double presented,
                 double offerIn, double answerOut, double firstSent) {

    static final double N = Double.NaN;
    static final PageMarks NONE = new PageMarks(N, N, N, N, N, N, N, N, N);

    /** On the answering page: the peer's offer in → this page's answer out, ms. */
    double answerMs() {
        return answerOut - offerIn;
    }

    /**
     * On the answering page: the peer's offer in → this page's first video frame sent, ms: its answer, ICE and DTLS
     * with the peer, and its encoder's first frame. No caller can have its first frame sooner after its offer arrives.
     */
    double offerToFirstSentMs() {
        return firstSent - offerIn;
    }

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
