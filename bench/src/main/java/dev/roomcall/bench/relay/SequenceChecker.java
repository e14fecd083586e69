package dev.roomcall.bench.relay;

/**
 * What one receiving member of a capacity pair makes of what arrives: the relay must deliver the other member's
 * messages, in order, once each, and nothing from any other room. Not thread-safe: one connection's messages come one
 * at a time.
 */
final class SequenceChecker {

    private final int room;
    private final int fromSide;
    private long next;
    private long inOrder;
    private long gaps;
    private long lateOrDuplicate;
    private long misdelivered;

    /** @param room the receiver's room; @param fromSide the side whose messages it expects */
    SequenceChecker(int room, int fromSide) {
        this.room = room;
        this.fromSide = fromSide;
    }

    /** Takes one arrival; true if it was the next one expected. */
    boolean accept(CapacityMessage m) {
        if (m.room() != room || m.side() != fromSide) {
            misdelivered++;
            return false;
        }
        if (m.seq() == next) {
            next++;
            inOrder++;
            return true;
        }
        if (m.seq() > next) {
            // A FIFO relay never skips: what lies between is lost (and counted again below if it comes late).
            gaps += m.seq() - next;
            next = m.seq() + 1;
            inOrder++;
            return false;
        }
        lateOrDuplicate++;
        return false;
    }

    /** The tally once the sender has sent {@code sent} messages and the relay has had time to deliver them all. */
    Tally tally(long sent) {
        long lost = gaps + Math.max(0, sent - next);
        return new Tally(sent, inOrder, lost, lateOrDuplicate, misdelivered);
    }

    /**
     * @param sent            what the other side sent
     * @param delivered       arrivals in order (each the next one, or after a gap)
     * @param lost            messages never delivered in their place
     * @param lateOrDuplicate arrivals of a number already passed: a duplicate or out of order
     * @param misdelivered    arrivals from another room or from the receiver itself
     */
    record Tally(long sent, long delivered, long lost, long lateOrDuplicate, long misdelivered) {

        static final Tally NONE = new Tally(0, 0, 0, 0, 0);

        Tally plus(Tally o) {
            return new Tally(sent + o.sent, delivered + o.delivered, lost + o.lost,
                    lateOrDuplicate + o.lateOrDuplicate, misdelivered + o.misdelivered);
        }

        boolean clean() {
            return lost == 0 && lateOrDuplicate == 0 && misdelivered == 0;
        }
    }
}
