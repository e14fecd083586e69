package dev.roomcall.bench.relay;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * One member of an {@link ActivePairs} room: sends its numbered candidates when told and checks what arrives from the
 * other member. Public only because Jetty calls listeners through a public lookup.
 */
public final class PairMember implements Session.Listener.AutoDemanding {

    private final ActivePairs pairs;
    private final int room;
    private final int side;
    private final SequenceChecker checker;
    private volatile Session session;
    private long sent; // only the sending thread of this member writes it

    PairMember(ActivePairs pairs, int room, int side) {
        this.pairs = pairs;
        this.room = room;
        this.side = side;
        this.checker = new SequenceChecker(room, 1 - side);
    }

    @Override
    public void onWebSocketOpen(Session session) {
        this.session = session;
    }

    @Override
    public void onWebSocketText(String text) {
        long now = System.nanoTime();
        CapacityMessage m;
        try {
            m = CapacityMessage.parse(text);
        } catch (IllegalArgumentException notOurs) {
            return; // the server's own joined / peer-joined
        }
        synchronized (checker) {
            checker.accept(m);
        }
        pairs.delivered(now - m.nanos());
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        pairs.failed("room " + room + " side " + side + ": error " + cause);
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        pairs.failed("room " + room + " side " + side + ": closed " + statusCode + " " + reason);
    }

    /** Sends the next numbered candidate (from one thread at a time: the scheduler runs one task per member). */
    synchronized void sendNext() {
        Session s = session;
        if (s == null || !s.isOpen()) {
            pairs.sendFailed();
            return;
        }
        String text = new CapacityMessage(System.nanoTime(), room, side, sent).text();
        sent++;
        s.sendText(text, Callback.from(() -> { }, failure -> pairs.sendFailed()));
    }

    synchronized long sent() {
        return sent;
    }

    /** What arrived from the other member, against what it sent. */
    SequenceChecker.Tally tally(long otherSent) {
        synchronized (checker) {
            return checker.tally(otherSent);
        }
    }

    void close() {
        Session s = session;
        if (s != null && s.isOpen()) {
            s.close();
        }
    }
}
