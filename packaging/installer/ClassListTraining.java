import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Linux: a training run records the classes a start loads ({@code roomcall.classlist}); the .deb's postinst turns
 * it into an AppCDS archive at the installed path (JDK 17 archives name the jar by absolute path, so the archive
 * must be made where the app lives).
 */
final class ClassListTraining {

    private final Build build;

    ClassListTraining(Build build) {
        this.build = build;
    }

    /**
     * Starts the packaged app once (under Xvfb when there is no display) and records the classes a
     * start loads. Failing here only costs start-up speed, so it warns instead of failing the build;
     * the caller tries a second time, because a virtual display that fails to come up on a busy
     * machine is not worth a slower app.
     */
    boolean record(Path image, int attempt) throws IOException, InterruptedException {
        Path appDir = image.resolve("lib/app");
        Path classList = appDir.resolve(Product.CLASS_LIST);
        Path java = image.resolve("lib/runtime/bin/java");
        List<String> cmd = new ArrayList<>();
        if (System.getenv("DISPLAY") == null || System.getenv("DISPLAY").isBlank()) {
            Path xvfbRun = Tools.onPath("xvfb-run");
            if (xvfbRun == null) {
                System.out.println("installer: no display and no xvfb-run: no AppCDS class list (start-up will be slower)");
                return false;
            }
            cmd.addAll(List.of(xvfbRun.toString(), "-a", "-s", "-screen 0 1280x800x24"));
        }
        cmd.addAll(List.of(java.toString(), "-XX:DumpLoadedClassList=" + classList,
                "-cp", appDir.resolve("roomcall.jar").toString(), Product.MAIN_CLASS, "--fake-media", "--host", "0"));
        Path scratch = Files.createTempDirectory("roomcall-training");
        ProcessBuilder builder = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(build.out.resolve("training-" + attempt + ".log").toFile());
        // The training run's logs and settings stay out of the builder's home.
        builder.environment().put("XDG_STATE_HOME", scratch.resolve("state").toString());
        builder.environment().put("XDG_CONFIG_HOME", scratch.resolve("config").toString());
        builder.environment().put("XDG_CACHE_HOME", scratch.resolve("cache").toString());
        Process app = builder.start();
        boolean complete;
        String ended = "stopped after the time allowed";
        try {
            complete = awaitSettledClassList(app, classList,
                    Long.parseLong(build.option("train-seconds", "90")) * 1000);
            if (!app.isAlive()) {
                ended = "ended by itself with exit status " + app.exitValue();
            }
        } catch (IOException | RuntimeException e) {
            System.out.println("installer: watching the training run failed: " + e);
            complete = false;
        } finally {
            stop(app);
            try {
                Tools.deleteRecursively(scratch);
            } catch (IOException e) {
                System.out.println("installer: could not remove " + scratch + ": " + e);
            }
        }
        String recorded = Files.exists(classList) ? Files.readString(classList, StandardCharsets.UTF_8) : "";
        if (!complete) {
            System.out.println("installer: training run " + attempt + " did not show the window (" + ended + "; see "
                    + build.out.resolve("training-" + attempt + ".log") + "); no AppCDS class list from it");
            Files.deleteIfExists(classList);
            return false;
        }
        System.out.println("installer: recorded " + recorded.lines().count() + " classes for AppCDS");
        return true;
    }

    /**
     * Waits until the window has painted (ViewPainter), the media engine has started, and then no
     * class has been loaded for two seconds: a start, however slow the machine. The JVM writes the
     * class list as it goes, so it can be watched.
     */
    private static boolean awaitSettledClassList(Process app, Path classList, long maxMillis)
            throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + maxMillis;
        long lastSize = -1;
        long quietSince = System.currentTimeMillis();
        while (System.currentTimeMillis() < deadline) {
            if (app.waitFor(500, TimeUnit.MILLISECONDS)) {
                return false;
            }
            long size = Files.exists(classList) ? Files.size(classList) : 0;
            if (size != lastSize) {
                lastSize = size;
                quietSince = System.currentTimeMillis();
                continue;
            }
            if (System.currentTimeMillis() - quietSince >= 2000) {
                String recorded = Files.readString(classList, StandardCharsets.UTF_8);
                if (recorded.contains("com/sun/javafx/tk/quantum/ViewPainter")
                        && recorded.contains("dev/roomcall/media/MediaEngine")) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A polite stop first (so the JVM flushes the class list), and a wait for the whole process
     * tree: xvfb-run may exit before the app has finished shutting down and writing its log.
     */
    private static void stop(Process process) throws InterruptedException {
        List<ProcessHandle> family = new ArrayList<>(process.descendants().collect(Collectors.toList()));
        family.add(process.toHandle());
        family.forEach(ProcessHandle::destroy);
        long deadline = System.currentTimeMillis() + 15_000;
        for (ProcessHandle member : family) {
            try {
                member.onExit().get(Math.max(1, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                member.destroyForcibly();
            }
        }
        process.waitFor();
    }
}
