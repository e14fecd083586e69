package dev.roomcall.media.session;

import dev.onvoid.webrtc.CreateSessionDescriptionObserver;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.SetSessionDescriptionObserver;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * libwebrtc's asynchronous steps (create and set descriptions) as futures that continue on the call's executor.
 * Nothing waits for them: the executor is free while libwebrtc works, and the next step runs on it once the
 * observer answered (or the step timed out).
 */
final class NativeSteps {
    /** libwebrtc answers each step in milliseconds; this only guards against a wedged native side. */
    private static final long STEP_TIMEOUT_MS = 10_000;

    private final SessionRunner runner;
    private final ScheduledExecutorService timer;

    NativeSteps(SessionRunner runner, ScheduledExecutorService timer) {
        this.runner = runner;
        this.timer = timer;
    }

    /** A negotiation step that did not succeed; {@code synchronous} if libwebrtc refused it before starting. */
    static final class StepFailed extends RuntimeException {
        final boolean synchronous;

        StepFailed(String message, boolean synchronous) {
            super(message, null, false, false);
            this.synchronous = synchronous;
        }
    }

    /**
     * Starts one step; the returned future completes on the call's executor, exceptionally with {@link StepFailed}
     * if the step failed, timed out or the session closed meanwhile.
     */
    <T> CompletableFuture<T> step(String what, Consumer<CompletableFuture<T>> action) {
        CompletableFuture<T> done = new CompletableFuture<>();
        if (runner.isClosed()) {
            done.completeExceptionally(new StepFailed(what + ": session closed", false));
        } else {
            try {
                action.accept(done);
            } catch (Exception | Error e) {
                // webrtc-java reports native failures (an unparsable SDP among them) as java.lang.Error.
                done.completeExceptionally(new StepFailed(what + ": " + nativeFailure(e), true));
            }
        }
        ScheduledFuture<?> guard = timer.schedule(() -> done.completeExceptionally(
                new StepFailed(what + ": no answer from libwebrtc within " + STEP_TIMEOUT_MS + " ms", false)),
                STEP_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        return done.handleAsync((result, failure) -> {
            guard.cancel(false);
            if (failure != null) {
                Throwable cause = unwrap(failure);
                throw cause instanceof StepFailed f ? f : new StepFailed(what + ": " + cause.getMessage(), false);
            }
            if (runner.isClosed()) {
                throw new StepFailed(what + ": session closed", false);
            }
            return result;
        }, runner.executor());
    }

    static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /**
     * The message of a failure webrtc-java raised from native code. It uses plain {@link Error} for those; a real
     * JVM error (out of memory, stack overflow) is rethrown instead.
     */
    static String nativeFailure(Throwable failure) {
        if (failure instanceof VirtualMachineError vmError) {
            throw vmError;
        }
        return failure.getMessage() == null ? failure.toString() : failure.getMessage();
    }

    static CreateSessionDescriptionObserver created(CompletableFuture<RTCSessionDescription> done) {
        return new CreateSessionDescriptionObserver() {
            @Override
            public void onSuccess(RTCSessionDescription description) {
                done.complete(description);
            }

            @Override
            public void onFailure(String error) {
                done.completeExceptionally(new IllegalStateException(error));
            }
        };
    }

    static SetSessionDescriptionObserver applied(CompletableFuture<Void> done) {
        return new SetSessionDescriptionObserver() {
            @Override
            public void onSuccess() {
                done.complete(null);
            }

            @Override
            public void onFailure(String error) {
                done.completeExceptionally(new IllegalStateException(error));
            }
        };
    }
}
