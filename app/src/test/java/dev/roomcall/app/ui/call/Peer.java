package dev.roomcall.app.ui.call;

import dev.roomcall.app.call.CallController;
import dev.roomcall.app.call.CallEvent;
import dev.roomcall.app.call.CallListener;
import dev.roomcall.app.call.CallOptions;
import dev.roomcall.app.call.Role;
import dev.roomcall.app.call.TestEngine;
import dev.roomcall.media.session.PeerMessage;
import dev.roomcall.media.stats.CallStats;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The other side of a call screen under test: a toolkit-free call on this JVM's one engine, recording what it
 * receives so a test can wait for it and say what arrived instead.
 */
final class Peer implements CallListener, AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(20);

    private final String name;
    private final List<CallEvent> events = new ArrayList<>();
    private final List<PeerMessage> messages = new ArrayList<>();
    private boolean chatOpen;
    final CallController call;

    Peer(String name, URI server, String room) {
        this.name = name;
        this.call = CallController.start(new CallOptions(server, room, Role.AUTO, List.of(), false, null), TestEngine.get(), this);
    }

    @Override
    public synchronized void onEvent(CallEvent event) {
        events.add(event);
        notifyAll();
    }

    @Override
    public synchronized void onChatChannel(boolean open) {
        chatOpen = open;
        notifyAll();
    }

    @Override
    public synchronized void onPeerMessage(PeerMessage message) {
        messages.add(message);
        notifyAll();
    }

    synchronized <T extends CallEvent> T await(Class<T> type, Predicate<T> matches) throws InterruptedException {
        return awaitAfter(0, type, matches);
    }

    /** Waits for a matching event among those from index {@code from} on. */
    synchronized <T extends CallEvent> T awaitAfter(int from, Class<T> type, Predicate<T> matches) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            for (int i = from; i < events.size(); i++) {
                CallEvent e = events.get(i);
                if (type.isInstance(e) && matches.test(type.cast(e))) {
                    return type.cast(e);
                }
            }
            waitUntil(deadline, "no matching " + type.getSimpleName() + "; saw " + events);
        }
    }

    synchronized int eventCount() {
        return events.size();
    }

    synchronized PeerMessage awaitMessage(Predicate<PeerMessage> matches) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            for (PeerMessage m : messages) {
                if (matches.test(m)) {
                    return m;
                }
            }
            waitUntil(deadline, "no matching peer message; got " + messages);
        }
    }

    synchronized void awaitChatOpen() throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!chatOpen) {
            waitUntil(deadline, "the chat channel never opened; saw " + events);
        }
    }

    /**
     * Audio payload bytes a second arriving from the screen, over the next {@code seconds} statistics reports
     * (which come once a second).
     */
    synchronized double audioBytesPerSecond(int seconds) throws InterruptedException {
        int from = events.size();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            List<CallStats> reports = new ArrayList<>();
            for (int i = from; i < events.size(); i++) {
                if (events.get(i) instanceof CallEvent.Stats s) {
                    reports.add(s.stats());
                }
            }
            if (reports.size() > seconds) {
                long bytes = reports.get(seconds).audioBytesReceived() - reports.get(0).audioBytesReceived();
                return (double) bytes / seconds;
            }
            waitUntil(deadline, "not enough statistics reports; saw " + events.size() + " events");
        }
    }

    private void waitUntil(long deadline, String failure) throws InterruptedException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new AssertionError(name + ": " + failure);
        }
        TimeUnit.NANOSECONDS.timedWait(this, left);
    }

    @Override
    public void close() {
        call.close();
    }
}
