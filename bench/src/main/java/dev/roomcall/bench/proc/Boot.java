package dev.roomcall.bench.proc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Converts /proc's "clock ticks since boot" into wall-clock time. */
public final class Boot {

    private Boot() {}

    /**
     * Epoch milliseconds at which a process with this start time (field 22 of its stat line) started, to 10 ms.
     * /proc/stat's btime is whole seconds; /proc/uptime has hundredths, so boot is computed from it instead.
     */
    public static double epochMillisOfStartTicks(long startTicks) throws IOException {
        long nowMs = System.currentTimeMillis();
        double uptimeSeconds = Double.parseDouble(Files.readString(Path.of("/proc/uptime")).trim().split("\\s+")[0]);
        double bootMs = nowMs - uptimeSeconds * 1000.0;
        return bootMs + startTicks * 1000.0 / CpuSnapshot.TICKS_PER_SECOND;
    }
}
