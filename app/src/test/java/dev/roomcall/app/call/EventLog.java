package dev.roomcall.app.call;

import dev.roomcall.media.session.PeerMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Records a call's events so a test can wait for one and say what it saw instead. */
final class EventLog implements CallListener {

    private final String name;
    private final List<CallEvent> events = new ArrayList<>();
    private final List<PeerMessage> peerMessages = new ArrayList<>();
    private final List<String> senders = new ArrayList<>();
    private boolean chatOpen;

    EventLog(String name) {
        this.name = name;
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
    public synchronized void onPeerMessage(PeerId peer, PeerMessage message) {
        peerMessages.add(message);
        senders.add(peer.value());
        notifyAll();
    }

    /** Waits for a peer message that matches from {@code peer}. */
    synchronized void awaitPeerMessage(PeerId peer, Predicate<PeerMessage> matches, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (int i = 0; i < peerMessages.size(); i++) {
                if (senders.get(i).equals(peer.value()) && matches.test(peerMessages.get(i))) {
                    return;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError(name + ": no such message from " + peer + " within " + timeout + "; got "
                        + peerMessages + " from " + senders);
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    /** Waits until the chat channel is open (or closed). */
    synchronized void awaitChat(boolean open, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (chatOpen != open) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError(name + ": chat never became " + (open ? "open" : "closed") + "; saw " + events);
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    /** Waits for a peer message that matches; returns it. */
    synchronized PeerMessage awaitPeerMessage(Predicate<PeerMessage> matches, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (PeerMessage message : peerMessages) {
                if (matches.test(message)) {
                    return message;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError(name + ": no such peer message within " + timeout + "; got " + peerMessages);
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    <T extends CallEvent> T await(Class<T> type, Duration timeout) throws InterruptedException {
        return await(type, e -> true, timeout);
    }

    synchronized <T extends CallEvent> T await(Class<T> type, Predicate<T> matches, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int from = 0;
        while (true) {
            for (int i = from; i < events.size(); i++) {
                CallEvent event = events.get(i);
                if (type.isInstance(event) && matches.test(type.cast(event))) {
                    return type.cast(event);
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError(name + ": no " + type.getSimpleName() + " within " + timeout + "; saw " + events);
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    synchronized long count(Class<? extends CallEvent> type) {
        return events.stream().filter(type::isInstance).count();
    }

    /** Waits for the n-th event of a type (1-based), for things that happen again, such as a second connection. */
    synchronized void awaitCount(Class<? extends CallEvent> type, long n, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (count(type) < n) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError(name + ": " + count(type) + " " + type.getSimpleName() + " of " + n + " within " + timeout + "; saw " + events);
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    synchronized List<CallEvent> all() {
        return List.copyOf(events);
    }
}
