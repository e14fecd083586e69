package dev.roomcall.app.support;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One log file per launch, named so that names sort by start time, and only the newest few kept.
 * A file per launch (rather than one file rotated by renaming) keeps the log of a crashed run intact
 * when the person starts the app again to see whether it happens twice, and never renames a file
 * another running instance still writes to (which Windows refuses).
 */
public final class LogFiles {

    /** Launches whose logs are kept; older ones are deleted at start-up. */
    public static final int KEEP = 10;

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final Pattern OURS = Pattern.compile("roomcall-\\d{8}-\\d{6}-\\d+\\.log");

    private LogFiles() {}

    /** e.g. {@code roomcall-20250102-130405-4711.log}; the process id tells apart launches in the same second. */
    public static String fileName(LocalDateTime started, long pid) {
        return "roomcall-" + STAMP.format(started) + "-" + pid + ".log";
    }

    /**
     * The files to delete so that, with the new launch's file added, at most {@code keep} remain.
     * Files that are not Roomcall logs are never chosen.
     */
    public static List<Path> toPrune(List<Path> existing, int keep) {
        List<Path> ours = existing.stream()
                .filter(p -> p.getFileName() != null && OURS.matcher(p.getFileName().toString()).matches())
                .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed())
                .collect(Collectors.toList());
        int survivors = Math.max(0, keep - 1);
        return ours.size() <= survivors ? List.of() : List.copyOf(ours.subList(survivors, ours.size()));
    }
}
