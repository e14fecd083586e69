package dev.roomcall.app.headless;

import com.google.gson.JsonObject;
import dev.roomcall.app.CallRuntime;
import dev.roomcall.app.LaunchOptions;
import dev.roomcall.app.StartException;
import dev.roomcall.app.call.CallController;
import dev.roomcall.app.call.CallEvent;
import dev.roomcall.app.call.ShareOnConnect;
import dev.roomcall.app.support.ProcessExit;
import dev.roomcall.media.MediaWarning;
import dev.roomcall.media.screen.PlatformScreenSources;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A call without a window: events as JSON lines on stdout until hang-up, --exit-after or a signal. */
public final class HeadlessRun {

    private static final Logger log = LoggerFactory.getLogger(HeadlessRun.class);

    private final LaunchOptions options;
    private final JsonLinesReporter reporter;

    public HeadlessRun(LaunchOptions options, PrintStream out) {
        this.options = options;
        this.reporter = new JsonLinesReporter(out);
    }

    /** Runs the call to its end; returns the process exit code (0 when the call ended normally). */
    public int call() {
        ShareOnConnect share = null;
        if (options.share() != null) {
            try {
                share = ShareOnConnect.resolve(options.share(), PlatformScreenSources.forThisMachine().list());
            } catch (ShareOnConnect.Unavailable e) {
                reporter.print(JsonLinesReporter.error("share-unavailable", e.getMessage()));
                reporter.print(ended("start-failed"));
                return 2;
            }
        }
        ShareOnConnect sharing = share;
        CallRuntime runtime;
        try {
            runtime = CallRuntime.start(options);
        } catch (StartException e) {
            reporter.print(JsonLinesReporter.error(e.code(), e.getMessage()));
            reporter.print(ended("start-failed"));
            return 1;
        }
        CountDownLatch ended = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        AtomicReference<String> failure = new AtomicReference<>();
        try (runtime) {
            runtime.server().ifPresent(server -> {
                JsonObject json = JsonLinesReporter.named("server-started");
                json.addProperty("url", server.toString());
                runtime.serverFingerprint().ifPresent(fingerprint -> {
                    // The same port speaks TLS; the fingerprint is what a browser elsewhere shows for it.
                    json.addProperty("secureUrl", "https://" + server.getHost() + ":" + server.getPort() + "/");
                    json.addProperty("fingerprint", fingerprint);
                });
                reporter.print(json);
            });
            JsonObject room = JsonLinesReporter.named("room");
            room.addProperty("room", runtime.room());
            room.addProperty("link", runtime.browserLink().toString());
            reporter.print(room);
            for (MediaWarning warning : runtime.mediaWarnings()) {
                printWarning(warning);
            }

            CallController call = runtime.startCall(runtime.callOptions(), event -> {
                reporter.onEvent(event);
                if (sharing != null) {
                    sharing.onEvent(event);
                }
                if (event instanceof CallEvent.RoomFull) {
                    failure.set("room-full");
                } else if (event instanceof CallEvent.Ended) {
                    ended.countDown();
                }
            });
            reporter.shareCounters(call::shareCounters);
            if (sharing != null) {
                sharing.attach(call.share());
            }
            Thread hook = new Thread(() -> {
                // SIGTERM/Ctrl+C: say bye so the peer sees "left" at once, not after an ICE timeout,
                // then let the main thread close the engine and end the process (see ProcessExit).
                call.close();
                awaitQuietly(closed);
                ProcessExit.now(0);
            }, "roomcall-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);

            awaitEnd(ended, call);
            call.close();
            removeHook(hook);
        } finally {
            closed.countDown();
        }
        return failure.get() == null ? 0 : 1;
    }

    private void printWarning(MediaWarning warning) {
        JsonObject json = JsonLinesReporter.named("warning");
        json.addProperty("code", warning.code());
        json.addProperty("message", warning.message());
        reporter.print(json);
    }

    private void awaitEnd(CountDownLatch ended, CallController call) {
        try {
            if (options.exitAfterSeconds() == null) {
                ended.await();
                return;
            }
            long millis = Math.round(options.exitAfterSeconds() * 1000);
            if (!ended.await(millis, TimeUnit.MILLISECONDS)) {
                log.info("event=exit-after seconds={}", options.exitAfterSeconds());
                call.hangUp();
                ended.await(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // The hook is running or has run; nothing to undo.
        }
    }

    private static JsonObject ended(String reason) {
        JsonObject json = JsonLinesReporter.named("ended");
        json.addProperty("reason", reason);
        return json;
    }
}
