package dev.roomcall.app.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UserDirectoryTest {

    private static final String NONE = "-";

    @ParameterizedTest(name = "{0} on {1} with {2}={3}: {4}")
    @CsvSource({
            // kind, os,         variable,         value,                     expected
            "CONFIG, Linux,      -,                -,                         /home/ann/.config/roomcall",
            "CONFIG, Linux,      XDG_CONFIG_HOME,  /cfg,                      /cfg/roomcall",
            "CONFIG, Linux,      XDG_CONFIG_HOME,  relative/cfg,              /home/ann/.config/roomcall",
            "CONFIG, Windows 11, APPDATA,          C:/Users/Ann/AppData/Roaming, C:/Users/Ann/AppData/Roaming/Roomcall",
            "CONFIG, Windows 11, -,                -,                         /home/ann/AppData/Roaming/Roomcall",
            "CONFIG, Mac OS X,   -,                -,                         /home/ann/Library/Application Support/Roomcall",
            "CACHE,  Linux,      -,                -,                         /home/ann/.cache/roomcall",
            "CACHE,  Linux,      XDG_CACHE_HOME,   /var/cache/ann,            /var/cache/ann/roomcall",
            "CACHE,  Linux,      XDG_CACHE_HOME,   relative/cache,            /home/ann/.cache/roomcall",
            "CACHE,  Linux,      XDG_CONFIG_HOME,  /cfg,                      /home/ann/.cache/roomcall",
            "CACHE,  Windows 11, LOCALAPPDATA,     C:/Users/Ann/AppData/Local, C:/Users/Ann/AppData/Local/Roomcall/Cache",
            "CACHE,  Windows 11, APPDATA,          C:/Users/Ann/AppData/Roaming, /home/ann/AppData/Local/Roomcall/Cache",
            "CACHE,  Mac OS X,   -,                -,                         /home/ann/Library/Caches/Roomcall",
    })
    void followsEachSystemsConventionAndIgnoresARelativeXdgValue(UserDirectory kind, String os, String variable,
                                                                  String value, String expected) {
        Map<String, String> environment = new HashMap<>();
        if (!variable.equals(NONE)) {
            environment.put(variable, value);
        }
        assertEquals(Path.of(expected),
                kind.forUser(Map.of("os.name", os, "user.home", "/home/ann")::get, environment::get));
    }

    @ParameterizedTest
    @CsvSource({"CONFIG, roomcall.config.dir", "CACHE, roomcall.cache.dir"})
    void aSystemPropertyPutsThemAnywhere(UserDirectory kind, String property) {
        assertEquals(property, kind.overrideProperty);
        assertEquals(Path.of("/tmp/demo"), kind.forUser(
                Map.of("os.name", "Linux", "user.home", "/home/ann", property, "/tmp/demo")::get,
                Map.of("XDG_CONFIG_HOME", "/cfg", "XDG_CACHE_HOME", "/cache")::get));
    }
}
