package dev.roomcall.app.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The window asked for where there is no display (an ssh session, a service): the person hears why on the console
 * and the process ends, instead of waiting for ever for a toolkit that could not start.
 */
class NoDisplayIT {

    @Test
    void withoutADisplayTheWindowSaysWhyAndExits() throws Exception {
        Path jar = Path.of(System.getProperty("roomcall.jar", "target/roomcall.jar"));
        Path home = E2eDirs.target().resolve("e2e-work").resolve("no-display-" + System.nanoTime());
        Files.createDirectories(home);
        Path output = E2eDirs.logs().resolve("no-display.log");
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(),
                "--host", "0", "--fake-media"))
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().remove("DISPLAY");
        builder.environment().remove("WAYLAND_DISPLAY");
        builder.environment().put("XDG_CONFIG_HOME", home.resolve("config").toString());
        builder.environment().put("XDG_STATE_HOME", home.resolve("state").toString());
        // The JVM's user.home is the passwd entry's, not $HOME: the cache needs its own variable.
        builder.environment().put("XDG_CACHE_HOME", home.resolve("cache").toString());
        builder.environment().put("HOME", home.toString());
        Process app = builder.start();
        try {
            boolean ended = app.waitFor(30, TimeUnit.SECONDS);
            String said = Files.readString(output);
            assertTrue(ended, "the app was still running 30 s after it could not open a display:\n" + said);
            assertEquals(1, app.exitValue(), said);
            assertTrue(said.contains("roomcall: could not continue: UnsupportedOperationException: Unable to open DISPLAY"),
                    said);
            assertTrue(said.contains("roomcall: the log is " + home.resolve("state")), said);
        } finally {
            app.destroyForcibly();
        }
    }
}
