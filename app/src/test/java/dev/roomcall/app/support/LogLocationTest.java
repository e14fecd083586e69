package dev.roomcall.app.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Logs go where each desktop's users and tools look for them. */
class LogLocationTest {

    private static final Path HOME = Path.of("/home/ana");

    @Test
    void linuxUsesTheXdgStateDirectoryWhenSet() {
        assertEquals(Path.of("/var/tmp/state/roomcall/logs"),
                LogLocation.directory(OperatingSystem.LINUX, Map.of("XDG_STATE_HOME", "/var/tmp/state"), HOME));
    }

    @Test
    void linuxFallsBackToDotLocalStateWithoutXdgStateHome() {
        assertEquals(Path.of("/home/ana/.local/state/roomcall/logs"),
                LogLocation.directory(OperatingSystem.LINUX, Map.of(), HOME));
    }

    @Test
    void linuxIgnoresARelativeOrBlankXdgStateHomeAsTheSpecRequires() {
        Path fallback = Path.of("/home/ana/.local/state/roomcall/logs");
        assertEquals(fallback, LogLocation.directory(OperatingSystem.LINUX, Map.of("XDG_STATE_HOME", "state"), HOME));
        assertEquals(fallback, LogLocation.directory(OperatingSystem.LINUX, Map.of("XDG_STATE_HOME", "  "), HOME));
    }

    @Test
    void macOsUsesLibraryLogsWhereConsoleLooks() {
        assertEquals(Path.of("/Users/ana/Library/Logs/Roomcall"),
                LogLocation.directory(OperatingSystem.MACOS, Map.of("XDG_STATE_HOME", "/ignored"), Path.of("/Users/ana")));
    }

    @Test
    void windowsUsesLocalAppData() {
        String localAppData = "C:\\Users\\ana\\AppData\\Local";
        assertEquals(Path.of(localAppData, "Roomcall", "logs"),
                LogLocation.directory(OperatingSystem.WINDOWS, Map.of("LOCALAPPDATA", localAppData), HOME));
    }

    @Test
    void windowsWithoutLocalAppDataUsesItsUsualPlaceUnderHome() {
        assertEquals(HOME.resolve("AppData").resolve("Local").resolve("Roomcall").resolve("logs"),
                LogLocation.directory(OperatingSystem.WINDOWS, Map.of(), HOME));
    }

    @Test
    void theOperatingSystemIsReadFromOsName() {
        assertEquals(OperatingSystem.WINDOWS, OperatingSystem.fromOsName("Windows 11"));
        assertEquals(OperatingSystem.MACOS, OperatingSystem.fromOsName("Mac OS X"));
        assertEquals(OperatingSystem.LINUX, OperatingSystem.fromOsName("Linux"));
        assertEquals(OperatingSystem.LINUX, OperatingSystem.fromOsName("FreeBSD"));
        assertEquals(OperatingSystem.LINUX, OperatingSystem.fromOsName(null));
    }
}
