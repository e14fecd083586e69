package dev.roomcall.app.notify;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A D-Bus session bus of its own (Debian's dbus-daemon) on a socket in a fresh directory, for one test. */
final class PrivateSessionBus implements AutoCloseable {

    private final Process daemon;
    private final String address;

    PrivateSessionBus() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "dbus");
        daemon = new ProcessBuilder("dbus-daemon", "--session", "--nofork", "--nopidfile", "--print-address=1",
                "--address=unix:path=" + dir.resolve("bus"))
                .redirectError(dir.resolve("dbus-daemon.log").toFile())
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(daemon.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (line == null || !line.startsWith("unix:")) {
            daemon.destroy();
            throw new IllegalStateException("dbus-daemon printed no address: " + line + "; log: "
                    + Files.readString(dir.resolve("dbus-daemon.log")));
        }
        address = line.trim();
    }

    String address() {
        return address;
    }

    @Override
    public void close() throws Exception {
        daemon.destroy();
        daemon.waitFor(10, TimeUnit.SECONDS);
    }
}
