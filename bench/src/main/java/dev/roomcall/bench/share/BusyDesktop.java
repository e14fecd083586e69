package dev.roomcall.bench.share;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The screen both sharers share: an Xvfb of its own with coloured quadrants and text on the root window, and a
 * 640x360 ImageMagick animation changing about 15 times a second, so that a capturer that only grabs what changed
 * (Chromium's X11 capturer follows XDamage) has as much to send as one that grabs every frame.
 */
final class BusyDesktop implements AutoCloseable {

    private final Process xvfb;
    private final String display;
    private final List<Process> clients = new ArrayList<>();

    private BusyDesktop(Process xvfb, String display) {
        this.xvfb = xvfb;
        this.display = display;
    }

    static BusyDesktop start(int width, int height, Path work) throws Exception {
        Process x = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", width + "x" + height + "x24",
                "-nolisten", "tcp", "-noreset").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String line = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(x.getInputStream(), StandardCharsets.US_ASCII))) {
                return in.readLine();
            } catch (IOException e) {
                return null;
            }
        }).get(15, TimeUnit.SECONDS);
        if (line == null || !line.trim().matches("\\d+")) {
            x.destroyForcibly();
            throw new IllegalStateException("Xvfb did not start (Debian's xvfb)");
        }
        BusyDesktop desktop = new BusyDesktop(x, ":" + line.trim());
        try {
            desktop.paint(width, height, work);
        } catch (Exception e) {
            desktop.close();
            throw e;
        }
        return desktop;
    }

    String display() {
        return display;
    }

    private void paint(int width, int height, Path work) throws Exception {
        String half = (width / 2) + "x" + (height / 2);
        Path root = work.resolve("share-root.png");
        run("convert", "(", "-size", half, "xc:#d03030", "xc:#30a050", "+append", ")",
                "(", "-size", half, "xc:#3050c0", "xc:#f0f0f0", "+append", ")", "-append",
                "-font", "DejaVu-Sans", "-fill", "black", "-pointsize", "40", "-gravity", "northwest",
                "-annotate", "+40+40", "A document being shared: text must stay sharp.", root.toString());
        Process painter = new ProcessBuilder("display", "-display", display, "-window", "root", root.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        painter.waitFor(30, TimeUnit.SECONDS);
        Path a = work.resolve("share-a.png");
        Path b = work.resolve("share-b.png");
        Path gif = work.resolve("share-anim.gif");
        run("convert", "-size", "640x360", "plasma:fractal", "-font", "DejaVu-Sans", "-pointsize", "48",
                "-annotate", "+40+80", "moving", a.toString());
        run("convert", a.toString(), "-negate", b.toString());
        run("convert", "-delay", "7", a.toString(), b.toString(), "-loop", "0", gif.toString());
        clients.add(new ProcessBuilder("animate", "-display", display, "-geometry", "+600+500", gif.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
        Thread.sleep(1500);
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
    }

    @Override
    public void close() {
        clients.forEach(Process::destroy);
        xvfb.destroy();
    }
}
