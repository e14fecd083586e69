package dev.roomcall.bench.proc;

/**
 * The fields of {@code /proc/<pid>/stat} the benchmarks need.
 *
 * @param pid        process id
 * @param command    executable name as the kernel reports it (at most 15 characters)
 * @param parent     parent process id
 * @param userTicks  CPU time in user mode, in clock ticks
 * @param systemTicks CPU time in kernel mode, in clock ticks
 * @param startTicks when the process started, in clock ticks after boot; with the pid it names a process uniquely,
 *                   since pids are reused
 */
public record ProcStat(int pid, String command, int parent, long userTicks, long systemTicks, long startTicks) {

    /** utime + stime: all CPU time of the process's threads that are still running or were joined. */
    public long cpuTicks() {
        return userTicks + systemTicks;
    }

    /**
     * Parses one stat line. The command name sits in parentheses and may itself contain spaces and parentheses
     * (Chromium's threads and some helpers do), so the numeric fields are counted from the last ')'.
     *
     * @throws IllegalArgumentException if the line is not a stat line
     */
    public static ProcStat parse(String line) {
        int open = line.indexOf('(');
        int close = line.lastIndexOf(')');
        if (open < 1 || close < open || close + 2 > line.length()) {
            throw new IllegalArgumentException("not a /proc/<pid>/stat line: " + abbreviate(line));
        }
        String[] rest = line.substring(close + 2).trim().split("\\s+");
        // rest[0] is field 3 (state); field n is rest[n - 3].
        if (rest.length < 20) {
            throw new IllegalArgumentException("too few fields in /proc/<pid>/stat line: " + abbreviate(line));
        }
        try {
            return new ProcStat(
                    Integer.parseInt(line.substring(0, open).trim()),
                    line.substring(open + 1, close),
                    Integer.parseInt(rest[4 - 3]),
                    Long.parseLong(rest[14 - 3]),
                    Long.parseLong(rest[15 - 3]),
                    Long.parseLong(rest[22 - 3]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("unexpected field in /proc/<pid>/stat line: " + abbreviate(line), e);
        }
    }

    private static String abbreviate(String line) {
        return line.length() <= 120 ? line : line.substring(0, 120) + "…";
    }
}
