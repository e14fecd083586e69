package dev.roomcall.signaling;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Records everything a {@link SignalingClient} reports, with the thread it came on, and waits for it with a bound. */
final class RecordingListener implements SignalingListener {

    /** One callback: a state change (message null) or a message (state null). */
    record Event(SignalingState state, String reason, SignalMessage message, String thread) {}

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    final List<Event> history = java.util.Collections.synchronizedList(new ArrayList<>());

    @Override
    public void onStateChanged(SignalingState state, String reason) {
        record(new Event(state, reason, null, Thread.currentThread().getName()));
    }

    @Override
    public void onMessage(SignalMessage message) {
        record(new Event(null, null, message, Thread.currentThread().getName()));
    }

    private void record(Event event) {
        history.add(event);
        events.add(event);
    }

    /** Skips events until the client reports {@code state}; returns the reason given. */
    String awaitState(SignalingState state) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        List<Event> skipped = new ArrayList<>();
        while (true) {
            Event event = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (event == null) {
                throw new AssertionError("state " + state + " not reported within 15 s; saw " + skipped);
            }
            if (event.state() == state) {
                return event.reason();
            }
            skipped.add(event);
        }
    }

    /** Skips state changes until a message arrives; fails on a state change to CLOSED. */
    SignalMessage awaitMessage() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (true) {
            Event event = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (event == null) {
                throw new AssertionError("no message within 15 s");
            }
            if (event.message() != null) {
                return event.message();
            }
            if (event.state() == SignalingState.CLOSED) {
                throw new AssertionError("closed while waiting for a message: " + event.reason());
            }
        }
    }

    List<SignalingState> states() {
        synchronized (history) {
            return history.stream().map(Event::state).filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toList());
        }
    }
}
