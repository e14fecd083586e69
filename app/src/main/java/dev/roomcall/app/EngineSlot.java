package dev.roomcall.app;

import dev.roomcall.media.MediaEngine;
import dev.roomcall.media.MediaOptions;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runtime's one media engine: first starting on its own thread (so the built-in server and the window need not
 * wait for the camera), then started or failed; replaced when the engine restarts with other options.
 */
final class EngineSlot {

    private static final Logger log = LoggerFactory.getLogger(EngineSlot.class);

    private volatile CompletableFuture<MediaEngine> engine;

    private EngineSlot(CompletableFuture<MediaEngine> engine) {
        this.engine = engine;
    }

    /**
     * Starts an engine on a new daemon thread (a hung device query must never keep the process alive).
     *
     * @param whenStarted runs on that thread once the engine has started, before anyone waiting sees it
     */
    static EngineSlot startInBackground(CallRuntime.Engines engines, MediaOptions options,
                                        Consumer<MediaEngine> whenStarted) {
        CompletableFuture<MediaEngine> engine = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                MediaEngine started = engines.start(options);
                whenStarted.accept(started);
                engine.complete(started);
            } catch (RuntimeException | Error e) {
                log.warn("event=engine-start-failed reason=\"{}\"", e.toString());
                engine.completeExceptionally(e);
            }
        }, "roomcall-engine-start");
        thread.setDaemon(true);
        thread.start();
        return new EngineSlot(engine);
    }

    /** Completes when the engine has started, or exceptionally with a "media-failed" {@link StartException}. */
    CompletableFuture<Void> ready() {
        return engine.handle((started, failure) -> {
            if (failure != null) {
                throw new CompletionException(failure(failure));
            }
            return null;
        });
    }

    /** The engine, waiting for it while it starts. */
    MediaEngine await() throws StartException {
        try {
            return engine.join();
        } catch (CompletionException | CancellationException e) {
            throw failure(e);
        }
    }

    /** The engine, for callers that have waited for it already. */
    MediaEngine started() {
        try {
            return await();
        } catch (StartException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The engine if it has started; empty while it starts or when it failed. Never blocks. */
    Optional<MediaEngine> ifStarted() {
        return isStarted() ? Optional.of(engine.join()) : Optional.empty();
    }

    boolean isStarted() {
        CompletableFuture<MediaEngine> now = engine;
        return now.isDone() && !now.isCompletedExceptionally();
    }

    /** Starts a new engine in place of {@code old} (released first), on this thread. */
    MediaEngine restart(CallRuntime.Engines engines, MediaEngine old, MediaOptions options)
            throws StartException {
        engines.release(old);
        try {
            MediaEngine started = engines.start(options);
            engine = CompletableFuture.completedFuture(started);
            return started;
        } catch (RuntimeException e) {
            engine = CompletableFuture.failedFuture(e);
            throw failure(e);
        }
    }

    /** Releases the engine: now if it has started, as soon as it has if it is still starting. */
    void release(CallRuntime.Engines engines) {
        engine.thenAccept(engines::release);
    }

    static StartException failure(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof CancellationException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof StartException start) {
            return start;
        }
        return new StartException("media-failed", "Could not start audio/video: " + cause.getMessage());
    }
}
