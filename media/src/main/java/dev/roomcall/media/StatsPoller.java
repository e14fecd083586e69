package dev.roomcall.media;

import dev.onvoid.webrtc.RTCStatsCollectorCallback;
import dev.onvoid.webrtc.RTCStatsReport;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Asks a peer connection for its statistics at a fixed period and hands each report, mapped to {@link CallStats},
 * on. The timer only triggers; the request itself goes through {@code request}, which runs it on the session's
 * own thread like every other peer-connection call.
 */
final class StatsPoller implements AutoCloseable {
    private final ScheduledFuture<?> schedule;

    StatsPoller(ScheduledExecutorService timer, Duration period, Consumer<RTCStatsCollectorCallback> request,
                Consumer<CallStats> deliver) {
        this(timer, period, request, (RTCStatsCollectorCallback) report -> deliver.accept(CallStatsMapper.map(report)));
    }

    private StatsPoller(ScheduledExecutorService timer, Duration period, Consumer<RTCStatsCollectorCallback> request,
                        RTCStatsCollectorCallback callback) {
        long millis = period.toMillis();
        schedule = timer.scheduleAtFixedRate(() -> request.accept(callback), millis, millis, TimeUnit.MILLISECONDS);
    }

    /** For a partial report (one sender's, say) that the caller reads itself. */
    static StatsPoller raw(ScheduledExecutorService timer, Duration period, Consumer<RTCStatsCollectorCallback> request,
                           Consumer<RTCStatsReport> deliver) {
        return new StatsPoller(timer, period, request, (RTCStatsCollectorCallback) deliver::accept);
    }

    @Override
    public void close() {
        schedule.cancel(false);
    }
}
