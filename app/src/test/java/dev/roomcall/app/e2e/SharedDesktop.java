package dev.roomcall.app.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A virtual X desktop with a known picture to share: four coloured quadrants (red top left, green top right, blue
 * bottom left, white bottom right) with large black text in the red one, painted on the root window with
 * ImageMagick, and test windows (x11-utils' xmessage) that can be closed mid-share.
 */
final class SharedDesktop implements AutoCloseable {

    /** Where a quadrant's colour is sampled, as fractions of the picture, clear of the text. */
    static final double[][] QUADRANT_CENTRES = {{0.25, 0.3}, {0.75, 0.25}, {0.25, 0.75}, {0.75, 0.75}};
    /** The quadrants' colours in the order of {@link #QUADRANT_CENTRES}. */
    static final int[][] QUADRANT_COLOURS = {{255, 0, 0}, {0, 255, 0}, {0, 0, 255}, {255, 255, 255}};

    private final VirtualDisplay x;
    private final List<Process> windows = new ArrayList<>();

    private SharedDesktop(VirtualDisplay x) {
        this.x = x;
    }

    static SharedDesktop start(int width, int height) throws Exception {
        SharedDesktop desktop = new SharedDesktop(VirtualDisplay.start(width, height));
        try {
            desktop.paint(width, height);
        } catch (Exception | Error e) {
            desktop.close();
            throw e;
        }
        return desktop;
    }

    String display() {
        return x.display();
    }

    private void paint(int width, int height) throws Exception {
        Path png = E2eDirs.logs().resolve("shared-desktop-" + width + "x" + height + ".png");
        String quadrant = (width / 2) + "x" + (height / 2);
        run("convert", "(", "-size", quadrant, "xc:#ff0000", "xc:#00ff00", "+append", ")",
                "(", "-size", quadrant, "xc:#0000ff", "xc:#ffffff", "+append", ")", "-append",
                "-font", "DejaVu-Sans-Bold", "-fill", "black", "-pointsize", String.valueOf(height / 14), "-gravity", "northwest",
                "-annotate", "+" + (width / 40) + "+" + (height / 40), "Roomcall shares", png.toString());
        // display sets the root background and exits (with status 1 after doing so on a bare Xvfb).
        Process painter = new ProcessBuilder("display", "-display", x.display(), "-window", "root", png.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!painter.waitFor(30, TimeUnit.SECONDS)) {
            painter.destroyForcibly();
            throw new IllegalStateException("ImageMagick's display did not paint the root window");
        }
    }

    /** Opens a yellow window titled {@code title} at 100,100 (xmessage); destroying the process closes it. */
    Process openWindow(String title, int width, int height) throws IOException {
        Process window = new ProcessBuilder("xmessage", "-display", x.display(), "-title", title,
                "-geometry", width + "x" + height + "+100+100", "-bg", "#ffff00", "-fg", "#ffff00", " ")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        windows.add(window);
        return window;
    }

    /** Waits until a window whose title contains {@code title} is listed as shareable (mapped, titled). */
    void awaitWindow(String title, java.time.Duration timeout) throws InterruptedException {
        dev.roomcall.media.screen.ScreenSources sources = dev.roomcall.media.screen.PlatformScreenSources.forPlatform(
                dev.roomcall.media.screen.CapturePlatform.X11, java.util.Map.of("DISPLAY", x.display()));
        long deadline = System.nanoTime() + timeout.toNanos();
        while (sources.list().sources().stream().noneMatch(s -> s.title().contains(title))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no window titled " + title + " appeared on " + x.display() + ": "
                        + sources.list());
            }
            Thread.sleep(200);
        }
    }

    /** Saves what the desktop shows now. */
    void screenshot(Path png) throws IOException, InterruptedException {
        x.screenshot(png);
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }

    @Override
    public void close() {
        for (Process window : windows) {
            window.destroy();
        }
        x.close();
    }
}
