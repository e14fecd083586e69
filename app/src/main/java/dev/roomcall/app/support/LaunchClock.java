package dev.roomcall.app.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * Time since this process was launched, for the start-up milestones the log records (and the start-up benchmark
 * reads). On Linux it comes from {@code /proc} to the hundredth of a second; {@link ProcessHandle}'s start instant
 * is rounded there to the boot time's whole second, too coarse for start-up figures.
 */
public final class LaunchClock {

    /** The kernel's clock ticks per second for {@code /proc/<pid>/stat} start times (USER_HZ: 100 on Linux). */
    static final long TICKS_PER_SECOND = 100;

    private LaunchClock() {}

    /** Milliseconds since the operating system started this process; -1 where it cannot say. */
    public static long millisSinceLaunch() {
        try {
            OptionalLong fromProc = sinceLaunch(Files.readString(Path.of("/proc/self/stat")),
                    Files.readString(Path.of("/proc/uptime")));
            if (fromProc.isPresent()) {
                return fromProc.getAsLong();
            }
        } catch (IOException | RuntimeException notLinux) {
            // fall through to the portable, coarser answer
        }
        return ProcessHandle.current().info().startInstant()
                .map(start -> Duration.between(start, Instant.now()).toMillis())
                .orElse(-1L);
    }

    /**
     * Milliseconds between a process's start and now, both counted from boot: the start time is field 22 of
     * {@code stat} (in clock ticks, after the command name, which may hold spaces and parentheses), now is the first
     * number of {@code uptime} (seconds). Empty if either text is not what Linux writes.
     */
    static OptionalLong sinceLaunch(String stat, String uptime) {
        int afterName = stat.lastIndexOf(')');
        String[] uptimeFields = uptime.strip().split("\\s+");
        if (afterName < 0 || uptimeFields.length == 0) {
            return OptionalLong.empty();
        }
        // Fields after the name start with field 3 (state); the start time is field 22.
        String[] fields = stat.substring(afterName + 1).strip().split("\\s+");
        if (fields.length < 20) {
            return OptionalLong.empty();
        }
        try {
            long startTicks = Long.parseLong(fields[19]);
            double upSeconds = Double.parseDouble(uptimeFields[0]);
            long millis = Math.round(upSeconds * 1000) - startTicks * 1000 / TICKS_PER_SECOND;
            return millis >= 0 ? OptionalLong.of(millis) : OptionalLong.empty();
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
