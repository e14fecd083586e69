package dev.roomcall.media;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Bounded polling: the limits are generous hang guards, not speed requirements. */
public final class Await {
    public static final Duration CALL = Duration.ofSeconds(20);

    private Await() {}

    public static void until(String what, BooleanSupplier condition) {
        until(what, CALL, condition, () -> "");
    }

    public static void until(String what, BooleanSupplier condition, Supplier<String> diagnostics) {
        until(what, CALL, condition, diagnostics);
    }

    public static void until(String what, Duration limit, BooleanSupplier condition, Supplier<String> diagnostics) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("gave up waiting (" + limit.toSeconds() + " s) for " + what + " " + diagnostics.get());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted while waiting for " + what);
            }
        }
    }
}
