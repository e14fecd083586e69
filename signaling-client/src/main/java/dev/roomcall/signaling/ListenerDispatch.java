package dev.roomcall.signaling;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands a {@link SignalingListener} its news in order on one executor: a thread of the client's own, or the
 * caller's (see {@link SignalingClientBuilder#executor}). A listener that throws is logged and the client goes on.
 */
final class ListenerDispatch {

    private static final Logger log = LoggerFactory.getLogger(SignalingClient.class);

    private final SignalingListener listener;
    private final Executor executor;
    /** Set when the executor is the client's own, which it shuts down after the last news. */
    private final ExecutorService owned;

    ListenerDispatch(SignalingListener listener, Executor executor) {
        this(listener, executor, null);
    }

    private ListenerDispatch(SignalingListener listener, Executor executor, ExecutorService owned) {
        this.listener = listener;
        this.executor = executor;
        this.owned = owned;
    }

    /** News on a daemon thread of its own, named {@code threadName}. */
    static ListenerDispatch ownThread(SignalingListener listener, String threadName) {
        ExecutorService thread = Executors.newSingleThreadExecutor(daemon(threadName));
        return new ListenerDispatch(listener, thread, thread);
    }

    void state(SignalingState state, String reason) {
        hand(() -> {
            try {
                listener.onStateChanged(state, reason);
            } catch (RuntimeException e) {
                log.error("signaling listener failed on state {}", state, e);
            }
        });
    }

    void message(SignalMessage message) {
        hand(() -> {
            try {
                listener.onMessage(message);
            } catch (RuntimeException e) {
                log.error("signaling listener failed on {}", message.getClass().getSimpleName(), e);
            }
        });
    }

    /** No news follows; the client's own thread ends once what was handed to it has run. */
    void shutdown() {
        if (owned != null) {
            owned.shutdown();
        }
    }

    private void hand(Runnable news) {
        try {
            executor.execute(news);
        } catch (RejectedExecutionException e) {
            log.debug("signaling news dropped: the listener's executor no longer takes tasks");
        }
    }

    /** One daemon thread for delays and time limits, whose cancelled or pending tasks go with it. */
    static ScheduledThreadPoolExecutor timer(String name) {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, daemon(name));
        timer.setRemoveOnCancelPolicy(true);
        timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        return timer;
    }

    static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
