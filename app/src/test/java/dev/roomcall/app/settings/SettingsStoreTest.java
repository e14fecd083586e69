package dev.roomcall.app.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {

    @TempDir
    Path dir;

    private static final Settings CHANGED = new Settings("wss://rooms.example.org/",
            new DevicePreferences("cam-2", "mic-1", "spk-3"), Resolution.VGA,
            List.of(new IceServerSetting("stun:stun.example.org:3478", "", ""),
                    new IceServerSetting("turn:turn.example.org:3478?transport=tcp", "ann", "s3cret")),
            Language.SIMPLIFIED_CHINESE, true, 0.25, "Ana Lima 张");

    @Test
    void whatIsSavedIsWhatTheNextLaunchReads() {
        Path file = dir.resolve("roomcall").resolve(SettingsStore.FILE_NAME);
        SettingsStore store = new SettingsStore(file);
        RecentRooms recent = RecentRooms.empty()
                .with(new RecentRoom("abcd-efgh-jkmnp", "", Instant.parse("2026-01-02T10:00:00Z")))
                .with(new RecentRoom("c0ffee", "ws://10.0.0.2:3000/", Instant.parse("2026-01-03T10:00:00Z")));
        WindowPlacement window = new WindowPlacement(120, 80, 1100, 760, true);

        assertTrue(store.save(CHANGED));
        assertTrue(store.save(recent));
        assertTrue(store.save(window));

        SettingsStore nextLaunch = new SettingsStore(file);
        assertEquals(CHANGED, nextLaunch.settings());
        assertEquals(recent, nextLaunch.recentRooms());
        assertEquals(Optional.of(window), nextLaunch.window());
    }

    @Test
    void aDisplayNameOfTheWrongShapeFallsBackToTheAccountsNameAndTheRestIsKept() throws IOException {
        Path file = dir.resolve(SettingsStore.FILE_NAME);
        Files.writeString(file, "{\"version\": 1, \"displayName\": {\"first\": \"Ana\"}, \"relayOnly\": true}");
        Settings read = new SettingsStore(file).settings();
        assertEquals("", read.displayName());
        assertTrue(read.relayOnly());
        Files.writeString(file, "{\"version\": 1, \"displayName\": \"" + "z".repeat(80) + "\"}");
        assertEquals("z".repeat(64), new SettingsStore(file).settings().displayName(), "bounded as a display name");
    }

    @Test
    void noFileYetMeansDefaultsAndNothingIsWritten() {
        Path file = dir.resolve(SettingsStore.FILE_NAME);
        SettingsStore store = new SettingsStore(file);
        assertEquals(Settings.defaults(), store.settings());
        assertTrue(store.recentRooms().isEmpty());
        assertEquals(Optional.empty(), store.window());
        assertFalse(Files.exists(file), "reading never creates the file");
    }

    @Test
    void aCorruptFileGivesDefaultsAWarningAndIsKeptAsideForRepair() throws IOException {
        Path file = dir.resolve(SettingsStore.FILE_NAME);
        Files.writeString(file, "{\"server\": \"ws://half-written");

        String log = stderrOf(() -> assertEquals(Settings.defaults(), new SettingsStore(file).settings()));

        assertTrue(log.contains("WARN") && log.contains("event=settings-corrupt"), log);
        assertFalse(Files.exists(file));
        assertEquals("{\"server\": \"ws://half-written", Files.readString(dir.resolve(SettingsStore.FILE_NAME + ".corrupt")));
    }

    @Test
    void aFileThatIsNoObjectCountsAsCorrupt() throws IOException {
        Path file = dir.resolve(SettingsStore.FILE_NAME);
        Files.writeString(file, "[1, 2, 3]");
        String log = stderrOf(() -> assertEquals(Settings.defaults(), new SettingsStore(file).settings()));
        assertTrue(log.contains("event=settings-corrupt"), log);
    }

    @Test
    void oneBadValueCostsOnlyThatValue() throws IOException {
        Path file = dir.resolve(SettingsStore.FILE_NAME);
        Files.writeString(file, "{\n"
                + "  \"server\": \"ftp://nope\",\n"
                + "  \"resolution\": \"640x480\",\n"
                + "  \"language\": \"klingon\",\n"
                + "  \"relayOnly\": \"yes\",\n"
                + "  \"chimeVolume\": 7,\n"
                + "  \"iceServers\": [ {\"url\": \"stun:ok.example.org\"}, 42 ],\n"
                + "  \"window\": {\"x\": \"left\"},\n"
                + "  \"recentRooms\": [ {\"room\": \"abc\", \"lastUsed\": \"yesterday\"},"
                + " {\"room\": \"c0ffee\", \"lastUsed\": \"2026-01-01T00:00:00Z\"} ]\n"
                + "}\n");

        SettingsStore[] store = new SettingsStore[1];
        String log = stderrOf(() -> store[0] = new SettingsStore(file));

        Settings settings = store[0].settings();
        assertEquals(Settings.BUILT_IN_SERVER, settings.server());
        assertEquals(Resolution.VGA, settings.resolution(), "a good value next to bad ones is kept");
        assertEquals(Language.SYSTEM, settings.language());
        assertFalse(settings.relayOnly(), "only true or false switch relay-only on");
        assertEquals(Settings.DEFAULT_CHIME_VOLUME, settings.chimeVolume(), "a volume is between 0 and 1");
        assertEquals(List.of(new IceServerSetting("stun:ok.example.org", "", "")), settings.iceServers());
        assertEquals(Optional.empty(), store[0].window());
        assertEquals(List.of("c0ffee"), store[0].recentRooms().list().stream().map(RecentRoom::room).toList());
        for (String field : List.of("server", "language", "relayOnly", "chimeVolume", "iceServers[]", "window", "recentRooms[]")) {
            assertTrue(log.contains("event=setting-ignored") && log.contains("detail=" + field + " ignored"),
                    field + " should be reported in:\n" + log);
        }
    }

    @Test
    void aFailedWriteIsReportedAndTheValuesStillApply() throws IOException {
        Path blocker = dir.resolve("not-a-directory");
        Files.writeString(blocker, "a file where the settings directory should be");
        SettingsStore store = new SettingsStore(blocker.resolve(SettingsStore.FILE_NAME));

        boolean[] saved = new boolean[1];
        String log = stderrOf(() -> saved[0] = store.save(CHANGED));

        assertFalse(saved[0]);
        assertTrue(log.contains("event=settings-not-saved"), log);
        assertEquals(CHANGED, store.settings());
    }

    @Test
    void theFileIsReadableByItsOwnerOnlyBecauseItHoldsTurnCredentials() throws IOException {
        Path file = dir.resolve(SettingsStore.FILE_NAME);
        new SettingsStore(file).save(CHANGED);
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(file));
        try (var listing = Files.list(dir)) {
            assertEquals(List.of(file), listing.toList(), "no temporary files are left behind");
        }
    }

    /** What slf4j-simple (test scope) prints to stderr while {@code action} runs. */
    private static String stderrOf(Runnable action) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
