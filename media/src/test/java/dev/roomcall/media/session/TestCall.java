package dev.roomcall.media.session;

import dev.roomcall.media.Await;
import dev.roomcall.media.MediaEngine;
import dev.roomcall.media.SessionConfig;

import dev.roomcall.media.CallExecutors;
import dev.roomcall.media.render.FrameSource;
import dev.roomcall.signaling.SignalMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * Two sessions of one engine wired to each other: a call from this process to itself. Unless made {@link #headless},
 * each side watches the other's camera and screen as a window would, so their frames are converted for the test to
 * read.
 */
public final class TestCall implements AutoCloseable {
    public final Wire toB = new Wire();
    public final Wire toA = new Wire();
    public final RecordingListener aEvents = new RecordingListener();
    public final RecordingListener bEvents = new RecordingListener();
    public final PeerSession a;
    public final PeerSession b;
    private final List<FrameSource.Watch> watches = new ArrayList<>();

    /** {@code a} is the impolite side, {@code b} the polite one; each watches the other's pictures. */
    public TestCall(MediaEngine engine) {
        this(engine, true);
    }

    /** A call in which nobody watches a picture, as in the headless app. */
    public static TestCall headless(MediaEngine engine) {
        return new TestCall(engine, false);
    }

    private TestCall(MediaEngine engine, boolean watched) {
        a = engine.createSession(new SessionConfig(false, List.of()), CallExecutors.A, toB, aEvents);
        b = engine.createSession(new SessionConfig(true, List.of()), CallExecutors.B, toA, bEvents);
        toB.connectTo(b);
        toA.connectTo(a);
        if (watched) {
            for (PeerSession side : List.of(a, b)) {
                watches.add(side.remoteVideo().watch());
                watches.add(side.remoteScreen().watch());
            }
        }
    }

    /** The usual start: {@code a} offers, {@code b} answers, and both reach CONNECTED. */
    public void connect() {
        a.start(true);
        b.start(false);
        awaitConnected();
    }

    public void awaitConnected() {
        Await.until("both sides CONNECTED",
                () -> a.connectionState() == ConnectionState.CONNECTED && b.connectionState() == ConnectionState.CONNECTED,
                () -> "a: " + aEvents + " b: " + bEvents);
    }

    /** The SDP of the first offer {@code a} sent to {@code b}. */
    public String firstOffer() {
        return toB.sent().stream().filter(SignalMessage.Offer.class::isInstance)
                .map(m -> ((SignalMessage.Offer) m).description().sdp()).findFirst().orElseThrow();
    }

    /** The SDP of the first answer {@code b} sent to {@code a}. */
    public String firstAnswer() {
        return toA.sent().stream().filter(SignalMessage.Answer.class::isInstance)
                .map(m -> ((SignalMessage.Answer) m).description().sdp()).findFirst().orElseThrow();
    }

    @Override
    public void close() {
        watches.forEach(FrameSource.Watch::close);
        a.close();
        b.close();
    }
}
