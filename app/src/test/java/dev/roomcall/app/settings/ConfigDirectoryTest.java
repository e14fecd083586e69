package dev.roomcall.app.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigDirectoryTest {

    private static Path dir(Map<String, String> properties, Map<String, String> environment) {
        return ConfigDirectory.forUser(properties::get, environment::get);
    }

    @Test
    void linuxFollowsTheXdgBaseDirectories() {
        assertEquals(Path.of("/home/ann/.config/roomcall"),
                dir(Map.of("os.name", "Linux", "user.home", "/home/ann"), Map.of()));
        assertEquals(Path.of("/cfg/roomcall"),
                dir(Map.of("os.name", "Linux", "user.home", "/home/ann"), Map.of("XDG_CONFIG_HOME", "/cfg")));
        assertEquals(Path.of("/home/ann/.config/roomcall"),
                dir(Map.of("os.name", "Linux", "user.home", "/home/ann"), Map.of("XDG_CONFIG_HOME", "relative/cfg")),
                "a relative XDG_CONFIG_HOME is ignored, as the specification says");
    }

    @Test
    void windowsUsesTheRoamingAppData() {
        assertEquals(Path.of("C:/Users/Ann/AppData/Roaming", "Roomcall"),
                dir(Map.of("os.name", "Windows 11", "user.home", "C:/Users/Ann"),
                        Map.of("APPDATA", "C:/Users/Ann/AppData/Roaming")));
    }

    @Test
    void macOsUsesApplicationSupport() {
        assertEquals(Path.of("/Users/ann/Library/Application Support/Roomcall"),
                dir(Map.of("os.name", "Mac OS X", "user.home", "/Users/ann"), Map.of()));
    }

    @Test
    void aSystemPropertyPutsTheSettingsAnywhere() {
        assertEquals(Path.of("/tmp/demo"),
                dir(Map.of("os.name", "Linux", "user.home", "/home/ann", ConfigDirectory.OVERRIDE_PROPERTY, "/tmp/demo"),
                        Map.of()));
    }
}
