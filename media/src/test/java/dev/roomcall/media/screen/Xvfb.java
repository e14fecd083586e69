package dev.roomcall.media.screen;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * An X server of its own for a test (Debian's xvfb; it picks a free display with {@code -displayfd}), a known
 * picture on its root window (ImageMagick) and real windows on it (x11-utils' xmessage).
 */
final class Xvfb implements AutoCloseable {
    static final int WIDTH = 640;
    static final int HEIGHT = 480;

    private final Process server;
    private final String display;
    private final List<Process> clients = new ArrayList<>();

    private Xvfb(Process server, String display) {
        this.server = server;
        this.display = display;
    }

    static Xvfb start() throws Exception {
        Process process = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", WIDTH + "x" + HEIGHT + "x24",
                "-nolisten", "tcp", "-noreset")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        CompletableFuture<String> number = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.US_ASCII))) {
                return in.readLine();
            } catch (IOException e) {
                return null;
            }
        });
        String line = number.get(15, TimeUnit.SECONDS);
        if (line == null || !line.trim().matches("\\d+")) {
            process.destroyForcibly();
            throw new IllegalStateException("Xvfb did not start (install Debian's xvfb)");
        }
        return new Xvfb(process, ":" + line.trim());
    }

    String display() {
        return display;
    }

    /**
     * Paints the root window in four quadrants: red top left, green top right, blue bottom left, white bottom
     * right.
     */
    void paintQuadrants(Path dir) throws Exception {
        Path png = dir.resolve("quadrants.png");
        int w = WIDTH / 2;
        int h = HEIGHT / 2;
        run("convert", "(", "-size", w + "x" + h, "xc:#ff0000", "xc:#00ff00", "+append", ")",
                "(", "-size", w + "x" + h, "xc:#0000ff", "xc:#ffffff", "+append", ")", "-append", png.toString());
        // display sets the root background and exits (with status 1 after doing so on a bare Xvfb).
        Process painter = new ProcessBuilder("display", "-display", display, "-window", "root", png.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!painter.waitFor(20, TimeUnit.SECONDS)) {
            painter.destroyForcibly();
            throw new IllegalStateException("ImageMagick's display did not paint the root window");
        }
    }

    /** Opens a window titled {@code title} (xmessage); closing the returned process closes the window. */
    Process openWindow(String title) throws IOException {
        Process window = new ProcessBuilder("xmessage", "-display", display, "-title", title,
                "-geometry", "240x120+40+40", "-bg", "#ffff00", "roomcall test window")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        clients.add(window);
        return window;
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }

    static Path tempDir() throws IOException {
        return Files.createTempDirectory("roomcall-screen");
    }

    @Override
    public void close() throws InterruptedException {
        for (Process client : clients) {
            client.destroy();
            client.waitFor(5, TimeUnit.SECONDS);
        }
        server.destroy();
        if (!server.waitFor(5, TimeUnit.SECONDS)) {
            server.destroyForcibly();
        }
    }
}
