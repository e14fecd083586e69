package dev.roomcall.server;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    private void advanceMillis(long millis) {
        now.addAndGet(millis * 1_000_000L);
    }

    @Test
    void aBurstUpToItsSizePassesAtOnceAndTheNextMessageIsRefused() {
        TokenBucket bucket = new TokenBucket(50, 100, now::get);
        for (int i = 0; i < 100; i++) {
            assertTrue(bucket.tryTake(), "message " + i + " of the burst");
        }
        assertFalse(bucket.tryTake());
    }

    @Test
    void tokensComeBackAtTheConfiguredRate() {
        TokenBucket bucket = new TokenBucket(50, 100, now::get);
        while (bucket.tryTake()) {
            // drain
        }
        advanceMillis(100); // 50 per second: five tokens
        for (int i = 0; i < 5; i++) {
            assertTrue(bucket.tryTake(), "refilled token " + i);
        }
        assertFalse(bucket.tryTake());
    }

    @Test
    void aSenderAtTheSustainedRateIsNeverRefused() {
        TokenBucket bucket = new TokenBucket(50, 1, now::get);
        for (int i = 0; i < 1000; i++) {
            assertTrue(bucket.tryTake(), "message " + i);
            advanceMillis(20);
        }
    }

    @Test
    void idleTimeDoesNotSaveUpMoreThanOneBurst() {
        TokenBucket bucket = new TokenBucket(50, 10, now::get);
        advanceMillis(60_000);
        for (int i = 0; i < 10; i++) {
            assertTrue(bucket.tryTake());
        }
        assertFalse(bucket.tryTake());
    }
}
