package dev.roomcall.bench.relay;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The worst latency and the count of arrivals per slot of wall-clock time, so a tail can be laid beside a GC log
 * ({@code -Xlog:gc:…:utctime}) or any other timed event of the relay. Arrivals outside the slots are not counted.
 */
final class LatencyTimeline {

    private final long startMillis;
    private final long slotMillis;
    private final AtomicLongArray maxMicros;
    private final AtomicLongArray arrivals;

    LatencyTimeline(long startMillis, long slotMillis, int slots) {
        if (slotMillis < 1 || slots < 1) {
            throw new IllegalArgumentException("need slots ≥ 1 ms long and at least one: " + slotMillis + " ms × " + slots);
        }
        this.startMillis = startMillis;
        this.slotMillis = slotMillis;
        this.maxMicros = new AtomicLongArray(slots);
        this.arrivals = new AtomicLongArray(slots);
    }

    void record(long arrivalMillis, long latencyMicros) {
        long slot = (arrivalMillis - startMillis) / slotMillis;
        if (arrivalMillis < startMillis || slot >= maxMicros.length()) {
            return;
        }
        int i = (int) slot;
        arrivals.incrementAndGet(i);
        maxMicros.accumulateAndGet(i, latencyMicros, Math::max);
    }

    /** One line per slot: its start (UTC), arrivals, worst latency in µs. */
    String csv() {
        StringBuilder out = new StringBuilder("slot_start_utc,arrivals,max_latency_us\n");
        for (int i = 0; i < maxMicros.length(); i++) {
            out.append(Instant.ofEpochMilli(startMillis + i * slotMillis)).append(',')
                    .append(arrivals.get(i)).append(',').append(maxMicros.get(i)).append('\n');
        }
        return out.toString();
    }

    void write(Path file) throws IOException {
        Files.writeString(file, csv(), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d slots of %d ms from %s", maxMicros.length(), slotMillis,
                Instant.ofEpochMilli(startMillis));
    }
}
