package dev.roomcall.app.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window's logs are pointed at a file before the first logger exists; console launches keep stderr. */
class LogSetupTest {

    private static final LocalDateTime NOW = LocalDateTime.of(2025, 1, 2, 3, 4, 5);

    @TempDir
    Path temp;

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    @AfterEach
    void forgetTheLogFile() {
        System.clearProperty(LogSetup.LOG_FILE_PROPERTY);
    }

    private Optional<Path> install(LaunchMode mode, Path directory) {
        return LogSetup.install(mode, directory, NOW, new PrintStream(console, true, StandardCharsets.UTF_8));
    }

    @Test
    void aWindowLaunchLogsToANewFileInTheLogDirectory() {
        Path logs = temp.resolve("state/roomcall/logs");
        Optional<Path> file = install(LaunchMode.WINDOW, logs);

        assertTrue(file.isPresent());
        assertEquals(logs, file.get().getParent());
        assertTrue(file.get().getFileName().toString().startsWith("roomcall-20250102-030405-"));
        assertTrue(Files.isDirectory(logs), "the directory is created");
        assertEquals(file.get().toString(), System.getProperty(LogSetup.LOG_FILE_PROPERTY));
        assertTrue(console.toString(StandardCharsets.UTF_8).contains(file.get().toString()), "the path is printed once");
    }

    @Test
    void aConsoleLaunchLeavesLogsOnStderr() {
        assertEquals(Optional.empty(), install(LaunchMode.CONSOLE, temp.resolve("logs")));
        assertNull(System.getProperty(LogSetup.LOG_FILE_PROPERTY));
        assertFalse(Files.exists(temp.resolve("logs")));
    }

    @Test
    void anExplicitLogFileSettingWins() {
        System.setProperty(LogSetup.LOG_FILE_PROPERTY, "System.out");
        assertEquals(Optional.empty(), install(LaunchMode.WINDOW, temp.resolve("logs")));
        assertEquals("System.out", System.getProperty(LogSetup.LOG_FILE_PROPERTY));
    }

    @Test
    void oldLogsBeyondTheLimitAreDeleted() throws IOException {
        Path logs = Files.createDirectories(temp.resolve("logs"));
        for (int day = 1; day <= LogFiles.KEEP + 2; day++) {
            Files.writeString(logs.resolve(String.format("roomcall-202412%02d-000000-1.log", day)), "old");
        }
        install(LaunchMode.WINDOW, logs);
        assertFalse(Files.exists(logs.resolve("roomcall-20241203-000000-1.log")));
        assertTrue(Files.exists(logs.resolve("roomcall-20241204-000000-1.log")));
    }

    @Test
    void anUnwritableLogDirectoryFallsBackToTheConsoleWithAReason() throws IOException {
        Path notADirectory = Files.writeString(temp.resolve("file"), "x");
        assertEquals(Optional.empty(), install(LaunchMode.WINDOW, notADirectory.resolve("logs")));
        assertNull(System.getProperty(LogSetup.LOG_FILE_PROPERTY));
        assertTrue(console.toString(StandardCharsets.UTF_8).contains("logging to the console"));
    }
}
