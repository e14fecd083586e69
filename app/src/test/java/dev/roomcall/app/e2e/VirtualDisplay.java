package dev.roomcall.app.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * An X server without a screen (Xvfb) for a real window to open on, as on a desktop. Xvfb chooses a free
 * display number itself ({@code -displayfd}), so parallel builds never collide. Debian's {@code xvfb} package.
 */
final class VirtualDisplay implements AutoCloseable {

    private final Process process;
    private final String display;

    private VirtualDisplay(Process process, String display) {
        this.process = process;
        this.display = display;
    }

    static VirtualDisplay start(int width, int height) throws IOException, InterruptedException {
        Path log = E2eDirs.logs().resolve("xvfb.log");
        Process process;
        try {
            process = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", width + "x" + height + "x24",
                    "-nolisten", "tcp", "-noreset")
                    .redirectError(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start Xvfb: install Debian's xvfb package (" + e.getMessage() + ")", e);
        }
        CompletableFuture<String> number = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII))) {
                return in.readLine();
            } catch (IOException e) {
                return null;
            }
        });
        String line;
        try {
            line = number.get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("Xvfb did not report its display within 15 s; see " + log, e);
        }
        if (line == null || !line.trim().matches("\\d+")) {
            process.destroyForcibly();
            throw new IllegalStateException("Xvfb did not start; see " + log);
        }
        return new VirtualDisplay(process, ":" + line.trim());
    }

    /** The value for DISPLAY, e.g. ":3". */
    String display() {
        return display;
    }

    /** Saves the whole screen as a PNG (ImageMagick's import), as a person would see it. */
    void screenshot(Path png) throws IOException, InterruptedException {
        java.nio.file.Files.createDirectories(png.toAbsolutePath().getParent());
        Process shot = new ProcessBuilder("import", "-display", display, "-window", "root", png.toString())
                .redirectErrorStream(true)
                .redirectOutput(E2eDirs.logs().resolve("import.log").toFile())
                .start();
        if (!shot.waitFor(30, TimeUnit.SECONDS) || shot.exitValue() != 0) {
            shot.destroyForcibly();
            throw new IllegalStateException("ImageMagick's import failed to capture " + display + "; see import.log");
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
