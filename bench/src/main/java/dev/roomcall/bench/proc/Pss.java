package dev.roomcall.bench.proc;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Proportional set size from {@code /proc/<pid>/smaps_rollup}: resident memory with every shared page divided
 * among the processes sharing it. Unlike RSS, the PSS of a process tree adds up without counting Chromium's shared
 * libraries once per process, so two trees can be compared fairly.
 */
public final class Pss {

    private static final Pattern PSS_LINE = Pattern.compile("(?m)^Pss:\\s+(\\d+)\\s+kB\\s*$");

    private Pss() {}

    /**
     * @return the "Pss:" figure in KiB
     * @throws IllegalArgumentException if the text has no Pss line
     */
    public static long parseKib(String smapsRollup) {
        Matcher m = PSS_LINE.matcher(smapsRollup);
        if (!m.find()) {
            throw new IllegalArgumentException("no 'Pss:' line in smaps_rollup");
        }
        return Long.parseLong(m.group(1));
    }
}
