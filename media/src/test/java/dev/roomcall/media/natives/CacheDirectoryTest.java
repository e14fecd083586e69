package dev.roomcall.media.natives;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CacheDirectoryTest {

    private static Path dir(Map<String, String> properties, Map<String, String> environment) {
        return CacheDirectory.forUser(properties::get, environment::get);
    }

    @Test
    void linuxFollowsTheXdgBaseDirectories() {
        Map<String, String> ann = Map.of("os.name", "Linux", "user.home", "/home/ann");
        assertEquals(Path.of("/home/ann/.cache/roomcall"), dir(ann, Map.of()));
        assertEquals(Path.of("/var/cache/ann/roomcall"), dir(ann, Map.of("XDG_CACHE_HOME", "/var/cache/ann")));
        assertEquals(Path.of("/home/ann/.cache/roomcall"), dir(ann, Map.of("XDG_CACHE_HOME", "relative/cache")),
                "a relative XDG_CACHE_HOME is ignored, as the specification says");
    }

    @Test
    void windowsUsesTheLocalAppData() {
        Map<String, String> ann = Map.of("os.name", "Windows 11", "user.home", "C:/Users/Ann");
        assertEquals(Path.of("C:/Users/Ann/AppData/Local", "Roomcall", "Cache"),
                dir(ann, Map.of("LOCALAPPDATA", "C:/Users/Ann/AppData/Local")));
        assertEquals(Path.of("C:/Users/Ann", "AppData", "Local", "Roomcall", "Cache"), dir(ann, Map.of()));
    }

    @Test
    void macOsUsesTheUsersCaches() {
        assertEquals(Path.of("/Users/ann/Library/Caches/Roomcall"),
                dir(Map.of("os.name", "Mac OS X", "user.home", "/Users/ann"), Map.of()));
    }

    @Test
    void aSystemPropertyPutsTheCacheAnywhere() {
        assertEquals(Path.of("/tmp/run"),
                dir(Map.of("os.name", "Linux", "user.home", "/home/ann", CacheDirectory.OVERRIDE_PROPERTY, "/tmp/run"),
                        Map.of("XDG_CACHE_HOME", "/var/cache/ann")));
    }
}
