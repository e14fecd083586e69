package dev.roomcall.signaling;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Offers, answers and candidates sent while no connection is open, kept in order for the next one. Not thread-safe:
 * the client guards it with its lock.
 */
final class Outbox {

    private static final Logger log = LoggerFactory.getLogger(SignalingClient.class);

    private final Deque<String> waiting = new ArrayDeque<>();
    private final int capacity;

    Outbox(int capacity) {
        this.capacity = capacity;
    }

    /** Keeps {@code text} for later; false (and logged) when the queue is full. */
    boolean keep(String text, String kind) {
        if (waiting.size() >= capacity) {
            log.warn("signaling queue is full ({} messages): dropping {}", capacity, kind);
            return false;
        }
        waiting.addLast(text);
        log.debug("queued {} until the signaling connection is open ({} waiting)", kind, waiting.size());
        return true;
    }

    /** Sends what waits, oldest first, until the connection takes no more. */
    void sendTo(Connection connection) {
        while (!waiting.isEmpty() && connection.trySend(waiting.peekFirst())) {
            waiting.pollFirst();
        }
    }

    void dropAll() {
        if (!waiting.isEmpty()) {
            log.info("dropping {} unsent signaling message(s)", waiting.size());
            waiting.clear();
        }
    }

    boolean isEmpty() {
        return waiting.isEmpty();
    }

    int size() {
        return waiting.size();
    }
}
