package dev.roomcall.bench.relay;

import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.websocket.api.Session;

/** An idle connection that counts being closed. Public only because Jetty calls listeners through a public lookup. */
public final class IdleConnection implements Session.Listener.AutoDemanding {

    private final AtomicInteger closed;

    IdleConnection(AtomicInteger closed) {
        this.closed = closed;
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        closed.incrementAndGet();
    }
}
