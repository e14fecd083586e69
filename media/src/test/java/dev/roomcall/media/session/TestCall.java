package dev.roomcall.media.session;

import dev.roomcall.media.Await;
import dev.roomcall.media.MediaEngine;
import dev.roomcall.media.SessionConfig;

import dev.roomcall.media.CallExecutors;
import java.util.List;

/** Two sessions of one engine wired to each other: a call from this process to itself. */
public final class TestCall implements AutoCloseable {
    public final Wire toB = new Wire();
    public final Wire toA = new Wire();
    public final RecordingListener aEvents = new RecordingListener();
    public final RecordingListener bEvents = new RecordingListener();
    public final PeerSession a;
    public final PeerSession b;

    /** {@code a} is the impolite side, {@code b} the polite one. */
    public TestCall(MediaEngine engine) {
        a = engine.createSession(new SessionConfig(false, List.of()), CallExecutors.A, toB, aEvents);
        b = engine.createSession(new SessionConfig(true, List.of()), CallExecutors.B, toA, bEvents);
        toB.connectTo(b);
        toA.connectTo(a);
    }

    public void awaitConnected() {
        Await.until("both sides CONNECTED",
                () -> a.connectionState() == ConnectionState.CONNECTED && b.connectionState() == ConnectionState.CONNECTED,
                () -> "a: " + aEvents + " b: " + bEvents);
    }

    @Override
    public void close() {
        a.close();
        b.close();
    }
}
