package dev.roomcall.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.roomcall.app.CallRuntime;
import dev.roomcall.app.StartException;
import dev.roomcall.app.settings.Settings;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The window's runtime starts before the toolkit, on its own thread; the window waits for it as for any start. */
class RoomcallWindowLauncherTest {

    @Test
    void theRuntimeStartsOnItsOwnThreadAndTheWindowGetsTheSameOne() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        String[] thread = new String[1];
        CompletableFuture<CallRuntime> early = RoomcallWindowLauncher.startEarly(() -> {
            thread[0] = Thread.currentThread().getName();
            try {
                release.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return TestRuntimes.start(Settings.defaults());
        });
        assertEquals(false, early.isDone(), "launch goes on to the toolkit while the runtime starts");

        release.countDown();
        try (CallRuntime runtime = RoomcallWindowLauncher.waitingFor(early).start(Settings::defaults)) {
            assertSame(early.join(), runtime);
            assertEquals("roomcall-runtime-start", thread[0]);
        }
    }

    @Test
    void anErrorInTheStartEndsTheWaitInsteadOfHangingTheWindow() {
        Thread.UncaughtExceptionHandler quiet = (thread, e) -> { };
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler(quiet);
        try {
            CompletableFuture<CallRuntime> early = RoomcallWindowLauncher.startEarly(() -> {
                throw new NoClassDefFoundError("missing/Native");
            });

            java.util.concurrent.CompletionException seen = assertThrows(java.util.concurrent.CompletionException.class,
                    () -> RoomcallWindowLauncher.waitingFor(early).start(Settings::defaults));
            assertEquals(NoClassDefFoundError.class, seen.getCause().getClass());
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(before);
        }
    }

    @Test
    void aFailedStartReachesTheWindowAsTheSameStartError() {
        StartException failure = new StartException("server-failed", "Port 3000 is in use.");
        CompletableFuture<CallRuntime> early = RoomcallWindowLauncher.startEarly(() -> {
            throw failure;
        });

        StartException seen = assertThrows(StartException.class,
                () -> RoomcallWindowLauncher.waitingFor(early).start(Settings::defaults));
        assertSame(failure, seen);
    }
}
