package dev.roomcall.app.support;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Points slf4j-simple at a file in the OS's log directory for window launches. It must run before
 * the first logger is created: slf4j-simple reads its configuration once, and a system property
 * set here wins over {@code simplelogger.properties} (which keeps console launches on stderr).
 */
public final class LogSetup {

    static final String LOG_FILE_PROPERTY = "org.slf4j.simpleLogger.logFile";

    private LogSetup() {}

    /**
     * @return the file this launch logs to; empty when logs stay on the console (console launches,
     *     an explicit {@code -Dorg.slf4j.simpleLogger.logFile}, or a log directory that cannot be written)
     */
    public static Optional<Path> install(LaunchMode mode) {
        return install(mode, LogLocation.current(), LocalDateTime.now(), System.err);
    }

    static Optional<Path> install(LaunchMode mode, Path directory, LocalDateTime now, PrintStream console) {
        if (mode == LaunchMode.CONSOLE || System.getProperty(LOG_FILE_PROPERTY) != null) {
            return Optional.empty();
        }
        try {
            Files.createDirectories(directory);
            for (Path old : LogFiles.toPrune(list(directory), LogFiles.KEEP)) {
                Files.deleteIfExists(old);
            }
            Path file = directory.resolve(LogFiles.fileName(now, ProcessHandle.current().pid()));
            System.setProperty(LOG_FILE_PROPERTY, file.toString());
            console.println("roomcall: logging to " + file);
            return Optional.of(file);
        } catch (IOException | SecurityException e) {
            console.println("roomcall: cannot write logs in " + directory + " (" + e.getMessage() + "); logging to the console");
            return Optional.empty();
        }
    }

    private static List<Path> list(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.collect(Collectors.toList());
        }
    }
}
