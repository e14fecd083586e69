package dev.roomcall.app.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One file per launch; the newest ten survive. */
class LogFilesTest {

    private static final Path DIR = Path.of("/logs");

    @Test
    void theNameSortsByStartTimeAndCarriesTheProcessId() {
        assertEquals("roomcall-20250102-030405-4711.log", LogFiles.fileName(LocalDateTime.of(2025, 1, 2, 3, 4, 5), 4711));
    }

    @Test
    void theOldestLogsGoSoThatTheNewLaunchMakesTheLimit() {
        List<Path> existing = List.of(
                DIR.resolve("roomcall-20250103-000000-3.log"),
                DIR.resolve("roomcall-20250101-000000-1.log"),
                DIR.resolve("roomcall-20250102-000000-2.log"));
        assertEquals(List.of(DIR.resolve("roomcall-20250102-000000-2.log"), DIR.resolve("roomcall-20250101-000000-1.log")),
                LogFiles.toPrune(existing, 2));
    }

    @Test
    void fewerLogsThanTheLimitAreAllKept() {
        assertEquals(List.of(), LogFiles.toPrune(List.of(DIR.resolve("roomcall-20250101-000000-1.log")), LogFiles.KEEP));
    }

    @Test
    void filesThatAreNotRoomcallLogsAreNeverDeleted() {
        List<Path> existing = List.of(DIR.resolve("notes.txt"), DIR.resolve("roomcall.log"),
                DIR.resolve("roomcall-20250101-000000-1.log"));
        assertEquals(List.of(DIR.resolve("roomcall-20250101-000000-1.log")), LogFiles.toPrune(existing, 1));
    }
}
