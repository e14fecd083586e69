package dev.roomcall.media;

import java.util.List;

/** Two sessions of one engine wired to each other: a call from this process to itself. */
final class TestCall implements AutoCloseable {
    final Wire toB = new Wire();
    final Wire toA = new Wire();
    final RecordingListener aEvents = new RecordingListener();
    final RecordingListener bEvents = new RecordingListener();
    final PeerSession a;
    final PeerSession b;

    /** {@code a} is the impolite side, {@code b} the polite one. */
    TestCall(MediaEngine engine) {
        a = engine.createSession(new SessionConfig(false, List.of()), toB, aEvents);
        b = engine.createSession(new SessionConfig(true, List.of()), toA, bEvents);
        toB.connectTo(b);
        toA.connectTo(a);
    }

    void awaitConnected() {
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
