package dev.roomcall.app.e2e;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Watches both sides' decoded-frame counters while something happens to the call and tells the longest time either
 * went without a new frame. The page keeps its own timeline (an interval in the page, read once at the end); the
 * app's stats events are timed by when this watch first sees them. A counter that starts again from a small number
 * is a new peer session decoding frames: that counts as frames arriving.
 */
final class FrameWatch implements AutoCloseable {

    /**
     * The longest gaps without a new decoded frame, how many samples each side gave, and how often a side's counter
     * started again from a smaller number (a new peer connection decoding; 0 when the call kept its connection).
     */
    record Result(Duration appLongestStall, Duration pageLongestStall, int appSamples, int pageSamples,
                  int appRestarts, int pageRestarts, List<String> appCounts) {}

    private static final String START_PAGE_TIMELINE = """
            window.frameTimeline = [];
            window.frameTimer = setInterval(() => {
              window.roomcall.stats().then(
                (s) => window.frameTimeline.push([performance.now(), s.framesDecoded]),
                () => window.frameTimeline.push([performance.now(), -1]));
            }, 250);
            """;

    private final AppProcess app;
    private final BrowserPeer page;
    private final Thread thread;
    private final AtomicLong appFrames = new AtomicLong();
    private volatile boolean running = true;
    private long appLastFrames = -1;
    private long appLastRiseNanos;
    private long appLongestStallNanos;
    private int appSamples;
    private int appRestarts;
    /** The app's counter as sampled, with seconds since the watch started, for a report that needs it. */
    private final List<String> appCounts = new java.util.ArrayList<>();
    private long startNanos;
    private final Set<JsonObject> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    private FrameWatch(AppProcess app, BrowserPeer page) {
        this.app = app;
        this.page = page;
        this.thread = new Thread(this::watchApp, "frame-watch");
        this.thread.setDaemon(true);
    }

    /** Starts watching from now: the app's stats lines printed before are where its counter starts, not samples. */
    static FrameWatch start(AppProcess app, BrowserPeer page) {
        FrameWatch watch = new FrameWatch(app, page);
        for (JsonObject event : app.eventsSoFar()) {
            if (event.has("event") && "stats".equals(event.get("event").getAsString()) && watch.seen.add(event)) {
                watch.appLastFrames = event.get("framesDecoded").getAsLong();
                watch.appFrames.set(watch.appLastFrames);
            }
        }
        page.execute(START_PAGE_TIMELINE);
        watch.appLastRiseNanos = System.nanoTime();
        watch.startNanos = watch.appLastRiseNanos;
        watch.thread.start();
        return watch;
    }

    /** The app's newest decoded-frame count. */
    long appFramesNow() {
        return appFrames.get();
    }

    private void watchApp() {
        while (running) {
            try {
                // In the order printed (AppEventsSoFar's set has none): two new ones in one look must not swap.
                for (JsonObject event : app.eventsSoFar()) {
                    if (event.has("event") && "stats".equals(event.get("event").getAsString()) && seen.add(event)) {
                        sampleApp(event.get("framesDecoded").getAsLong());
                    }
                }
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void sampleApp(long frames) {
        long now = System.nanoTime();
        appSamples++;
        appFrames.set(frames);
        if (frames < appLastFrames) {
            appRestarts++;
        }
        appCounts.add(String.format(java.util.Locale.ROOT, "%.1fs:%d", (now - startNanos) / 1e9, frames));
        if (arrived(appLastFrames, frames)) {
            appLongestStallNanos = Math.max(appLongestStallNanos, now - appLastRiseNanos);
            appLastRiseNanos = now;
        }
        appLastFrames = frames;
    }

    private static boolean arrived(long before, long now) {
        return now > before || (now > 0 && now < before);
    }

    /** Stops watching and measures; the app's stall includes the time since its last new frame. */
    Result stop() throws InterruptedException {
        running = false;
        thread.join(5000);
        long appStall = Math.max(appLongestStallNanos, System.nanoTime() - appLastRiseNanos);
        List<?> timeline = (List<?>) page.execute("clearInterval(window.frameTimer); return window.frameTimeline;");
        double lastRise = -1;
        long last = -1;
        double longest = 0;
        double end = 0;
        int pageRestarts = 0;
        for (Object entry : timeline) {
            List<?> sample = (List<?>) entry;
            double at = ((Number) sample.get(0)).doubleValue();
            long frames = ((Number) sample.get(1)).longValue();
            end = at;
            if (frames >= 0 && frames < last) {
                pageRestarts++;
            }
            if (lastRise < 0) {
                lastRise = at;
            }
            if (arrived(last, frames) && frames > 0) {
                longest = Math.max(longest, at - lastRise);
                lastRise = at;
            }
            last = frames;
        }
        longest = Math.max(longest, end - lastRise);
        return new Result(Duration.ofNanos(appStall), Duration.ofMillis(Math.round(longest)), appSamples, timeline.size(),
                appRestarts, pageRestarts, List.copyOf(appCounts));
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
