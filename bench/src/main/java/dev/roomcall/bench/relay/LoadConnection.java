package dev.roomcall.bench.relay;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * One connection of a {@link PairLoad} pair. Public only because Jetty calls listeners through a public lookup.
 */
public final class LoadConnection implements Session.Listener.AutoDemanding {

    private final PairLoad load;
    private volatile Session session;

    LoadConnection(PairLoad load) {
        this.load = load;
    }

    @Override
    public void onWebSocketOpen(Session session) {
        this.session = session;
    }

    @Override
    public void onWebSocketText(String message) {
        load.delivered(this, message);
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        load.failed("error " + cause);
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        load.failed("closed during the run: " + statusCode + " " + reason);
    }

    void send() {
        Session s = session;
        if (s != null && s.isOpen()) {
            s.sendText(StampedMessage.of(System.nanoTime()), Callback.from(() -> { }, failure -> load.sendFailed()));
        }
    }

    void close() {
        Session s = session;
        if (s != null && s.isOpen()) {
            s.close();
        }
    }
}
