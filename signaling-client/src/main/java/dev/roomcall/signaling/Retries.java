package dev.roomcall.signaling;

import java.time.Duration;
import java.util.Optional;

/**
 * A client's failed attempts in a row: when the next attempt comes ({@link ReconnectPolicy}), or that it is time to
 * give up. An attempt that opens starts the count again. Guarded by its client's lock.
 */
final class Retries {

    private final Backoff backoff;
    private final int max;
    private int failures;

    Retries(Backoff backoff, int max) {
        this.backoff = backoff;
        this.max = max;
    }

    /** One more failure, ending as {@code last} says: the wait before the next attempt, or empty to give up. */
    Optional<Duration> failed(SignalingClosed last) {
        failures++;
        return failures > max ? Optional.empty() : Optional.of(ReconnectPolicy.delay(backoff, last, failures));
    }

    /** "after N attempts", for the words that say the client gave up. */
    String given() {
        return failures + (failures == 1 ? " attempt" : " attempts");
    }

    void opened() {
        failures = 0;
    }
}
