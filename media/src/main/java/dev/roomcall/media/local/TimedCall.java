package dev.roomcall.media.local;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a native call that may never return (device enumeration without a sound server) on a daemon thread and
 * waits for it a bounded time. A call that is still stuck is not started again: later callers with the same key
 * wait on the one already running, so a hanging audio system costs one parked thread, not one per query.
 */
final class TimedCall {
    private static final Logger LOG = LoggerFactory.getLogger(TimedCall.class);
    private static final Map<String, FutureTask<?>> RUNNING = new ConcurrentHashMap<>();
    private static final java.util.Set<String> SAID_SLOW = ConcurrentHashMap.newKeySet();

    private TimedCall() {}

    /** Waits at most {@code timeout}; empty if the call failed or is still running. */
    static <T> Optional<T> call(String key, Duration timeout, Callable<T> body) {
        return await(key, start(key, body), System.nanoTime() + timeout.toNanos());
    }

    /** Starts the call (or joins the one with this key still running) without waiting. */
    @SuppressWarnings("unchecked")
    static <T> Future<T> start(String key, Callable<T> body) {
        return (Future<T>) RUNNING.computeIfAbsent(key, k -> {
            FutureTask<T> created = new FutureTask<>(body);
            Thread thread = new Thread(() -> {
                try {
                    created.run();
                } finally {
                    RUNNING.remove(k, created);
                }
            }, "roomcall-" + k);
            thread.setDaemon(true);
            thread.start();
            return created;
        });
    }

    /** Waits until {@code deadlineNanos} (a {@link System#nanoTime()} value) at the latest. */
    static <T> Optional<T> await(String key, Future<T> call, long deadlineNanos) {
        long waitNanos = Math.max(0, deadlineNanos - System.nanoTime());
        try {
            return Optional.ofNullable(call.get(waitNanos, TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            // Said once per kind of query: a device watcher asks again every few seconds and would fill the log.
            if (SAID_SLOW.add(key)) {
                LOG.warn("{} did not answer in time; carrying on without it", key);
            } else {
                LOG.debug("{} still does not answer", key);
            }
            return Optional.empty();
        } catch (ExecutionException e) {
            LOG.warn("{} failed: {}", key, String.valueOf(e.getCause()));
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
