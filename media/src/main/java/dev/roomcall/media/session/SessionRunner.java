package dev.roomcall.media.session;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that puts a session's work on the call's executor and decides whether it is stale: once the session
 * is closed, nothing queued for it runs any more and no callback reaches its listener (except the final
 * {@link ConnectionState#CLOSED}, which the teardown delivers itself).
 */
final class SessionRunner {
    private static final Logger LOG = LoggerFactory.getLogger(SessionRunner.class);

    private final String id;
    private final Executor executor;
    private final SessionListener listener;
    private volatile boolean closed;

    SessionRunner(String id, Executor executor, SessionListener listener) {
        this.id = id;
        this.executor = executor;
        this.listener = listener;
    }

    /** The call's executor, for continuations of libwebrtc's asynchronous answers. */
    Executor executor() {
        return executor;
    }

    boolean isClosed() {
        return closed;
    }

    /** True for the one caller that closed the session; from then on everything queued is dropped. */
    synchronized boolean close() {
        if (closed) {
            return false;
        }
        closed = true;
        return true;
    }

    /** Runs {@code task} on the executor unless the session is closed by then; a failure is reported, not thrown. */
    void run(Runnable task) {
        runOr(task, () -> { });
    }

    /**
     * Like {@link #run}, but runs {@code otherwise} (on whichever thread finds out) if the task will not run because
     * the session is closed or the executor refuses work.
     */
    void runOr(Runnable task, Runnable otherwise) {
        if (closed) {
            otherwise.run();
            return;
        }
        try {
            executor.execute(() -> {
                if (closed) {
                    otherwise.run();
                    return;
                }
                try {
                    task.run();
                } catch (RuntimeException | Error e) {
                    String reason = NativeSteps.nativeFailure(e);
                    LOG.error("session {}: unexpected failure", id, e);
                    notifyListener(l -> l.onError(PeerSession.ERROR_NEGOTIATION_FAILED, reason));
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("session {}: the call's executor refused work", id);
            otherwise.run();
        }
    }

    /** Tells the listener, on the executor, unless the session is closed by then. */
    void report(Consumer<SessionListener> event) {
        run(() -> notifyListener(event));
    }

    /** Runs the teardown after everything queued before it, or here if the executor takes no more work. */
    void finish(Runnable teardown) {
        try {
            executor.execute(teardown);
        } catch (RejectedExecutionException e) {
            LOG.debug("session {}: the call's executor is shut down; tearing down on the closing thread", id);
            teardown.run();
        }
    }

    /** Calls the listener now, unless the session is closed; must run on the executor. */
    void notifyListener(Consumer<SessionListener> event) {
        if (!closed) {
            notifyClosing(event);
        }
    }

    /** Calls the listener now even though the session is closing: for the teardown's last word. */
    void notifyClosing(Consumer<SessionListener> event) {
        try {
            event.accept(listener);
        } catch (RuntimeException e) {
            LOG.warn("session {}: listener failed", id, e);
        }
    }
}
