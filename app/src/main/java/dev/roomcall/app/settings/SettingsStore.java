package dev.roomcall.app.settings;

import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@link Settings}, the window's placement and the recent rooms in one small JSON file.
 *
 * <p>A file rather than {@code java.util.prefs}: the person can read, back up or delete it; it holds lists (TURN
 * servers, recent rooms) without flattening them into keys; a test can point a store at a temporary file, whereas
 * the preferences backend is one JVM-wide choice; and on Linux {@code java.util.prefs} syncs from a background
 * timer and logs lock warnings when the home directory is read-only. Gson is already on the class path.
 *
 * <p>Never throws for I/O: a missing file means defaults, an unreadable one means defaults and a logged warning (the
 * bad file is moved aside so the next save cannot destroy what a person may want to repair), and a failed write is
 * logged while the values stay in effect for this run. Thread-safe.
 */
public final class SettingsStore {

    public static final String FILE_NAME = "settings.json";

    private static final Logger log = LoggerFactory.getLogger(SettingsStore.class);

    private final Path file;
    private SavedState state;

    /** Reads {@code file} now (it need not exist); later saves write it. */
    public SettingsStore(Path file) {
        this.file = Objects.requireNonNull(file, "file").toAbsolutePath();
        this.state = load();
    }

    /** The store in the per-user configuration directory ({@link UserDirectory#CONFIG}). */
    public static SettingsStore forUser() {
        return new SettingsStore(UserDirectory.CONFIG.forUser().resolve(FILE_NAME));
    }

    public Path file() {
        return file;
    }

    public synchronized Settings settings() {
        return state.settings();
    }

    /** @return false if the file could not be written (the new settings still apply until the app exits) */
    public synchronized boolean save(Settings settings) {
        state = new SavedState(Objects.requireNonNull(settings, "settings"), state.window(), state.recentRooms());
        return write();
    }

    /** Empty until a window placement was saved once. */
    public synchronized Optional<WindowPlacement> window() {
        return Optional.ofNullable(state.window());
    }

    public synchronized boolean save(WindowPlacement window) {
        state = new SavedState(state.settings(), Objects.requireNonNull(window, "window"), state.recentRooms());
        return write();
    }

    public synchronized RecentRooms recentRooms() {
        return state.recentRooms();
    }

    public synchronized boolean save(RecentRooms recentRooms) {
        state = new SavedState(state.settings(), state.window(), Objects.requireNonNull(recentRooms, "recentRooms"));
        return write();
    }

    private SavedState load() {
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return SavedState.defaults();
        } catch (IOException e) {
            log.warn("event=settings-unreadable file={} action=use-defaults reason={}", file, e.toString());
            return SavedState.defaults();
        }
        try {
            return SettingsJson.read(json, problem ->
                    log.warn("event=setting-ignored file={} detail={}", file, problem));
        } catch (JsonParseException e) {
            Path aside = file.resolveSibling(file.getFileName() + ".corrupt");
            log.warn("event=settings-corrupt file={} action=use-defaults moved-to={} reason={}", file, aside,
                    e.getMessage());
            moveAside(aside);
            return SavedState.defaults();
        }
    }

    private void moveAside(Path aside) {
        try {
            Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            log.warn("event=settings-move-aside-failed file={} reason={}", file, e.toString());
        }
    }

    /** Writes a temporary file and renames it over the old one, so a crash mid-write never leaves half a file. */
    private boolean write() {
        Path temp = null;
        try {
            Files.createDirectories(file.getParent());
            temp = Files.createTempFile(file.getParent(), FILE_NAME, ".tmp");
            ownerOnly(temp);
            Files.writeString(temp, SettingsJson.write(state), StandardCharsets.UTF_8);
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return true;
        } catch (IOException | RuntimeException e) {
            log.warn("event=settings-not-saved file={} reason={}", file, e.toString());
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // nothing more to do: the warning above already says the save failed
                }
            }
            return false;
        }
    }

    /** TURN credentials live in this file: keep it away from other users where the file system can. */
    private static void ownerOnly(Path path) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Windows: the per-user profile directory is already private.
        }
    }
}
