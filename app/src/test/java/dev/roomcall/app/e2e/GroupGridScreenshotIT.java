package dev.roomcall.app.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The call window of a group call on a virtual X display (GTK, as on a desktop), with two and then three painted
 * people ({@code GroupCallShowcase}): the screenshots show by their pixels that two sit side by side, that three
 * fill a 2×2 grid whose bottom-right cell is left to the self-view, and that the speaker's tile has its frame.
 * The PNGs stay under target/screenshots (docs/screenshots has copies).
 */
class GroupGridScreenshotIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int WIDTH = 1280;
    private static final int HEIGHT = 800;

    /** The painted walls (their colour shaded from 75 % to 100 %) and the speaking frame. */
    private static final ScreenPixels.Colour ANA_WALL = (r, g, b) -> between(r, 60, 100) && between(g, 88, 130)
            && between(b, 125, 185) && b - r > 55;
    private static final ScreenPixels.Colour BO_WALL = (r, g, b) -> between(r, 130, 190) && between(g, 95, 140)
            && between(b, 60, 100) && r - b > 60;
    private static final ScreenPixels.Colour CY_WALL = (r, g, b) -> between(r, 78, 120) && between(g, 118, 172)
            && between(b, 65, 102) && g - r > 35;
    private static final ScreenPixels.Colour SPEAKING_FRAME =
            (r, g, b) -> Math.abs(r - 143) < 20 && Math.abs(g - 240) < 15 && Math.abs(b - 210) < 15;

    private static boolean between(int v, int min, int max) {
        return v >= min && v <= max;
    }

    @Test
    void twoPeopleSitSideBySideAndThreeFillTheGridAroundTheSelfView() throws Exception {
        ScreenPixels two = shoot(2, "group-call-two");
        ScreenPixels.Region ana = two.find(ANA_WALL);
        ScreenPixels.Region bo = two.find(BO_WALL);
        assertTrue(ana.share() > 0.05 && bo.share() > 0.05, "both pictures, large: " + ana + " " + bo);
        assertTrue(ana.centreX() < WIDTH / 2.0 && bo.centreX() > WIDTH / 2.0, "Ana left of Bo: " + ana + " " + bo);
        assertEquals(ana.centreY(), bo.centreY(), 20, "on one row");
        assertTrue(two.find(SPEAKING_FRAME).count() > 500, "the speaker's frame: " + two.find(SPEAKING_FRAME));

        ScreenPixels three = shoot(3, "group-call-three");
        ScreenPixels.Region ana3 = three.find(ANA_WALL);
        ScreenPixels.Region cy = three.find(CY_WALL);
        ScreenPixels.Region pattern = three.find(ScreenPixels.PATTERN_BLUE);
        assertTrue(cy.share() > 0.03, "Chen Yu's picture: " + cy);
        assertTrue(cy.centreY() > ana3.centreY() + 150, "Chen Yu on the second row: " + ana3 + " " + cy);
        assertEquals(ana3.centreX(), cy.centreX(), 20, "under Ana");
        assertTrue(pattern.count() > 2_000 && pattern.centreX() > WIDTH / 2.0 && pattern.centreY() > cy.centreY() - 50,
                "the self-view in the free bottom-right cell: " + pattern);
    }

    private static ScreenPixels shoot(int people, String name) throws Exception {
        Path png = E2eDirs.target().resolve("screenshots").resolve(name + ".png");
        Files.createDirectories(png.getParent());
        try (VirtualDisplay screen = VirtualDisplay.start(WIDTH, HEIGHT);
                Showcase app = Showcase.start(screen.display(), people)) {
            Predicate<ScreenPixels> ready = p -> p.find(BO_WALL).share() > 0.03
                    && (people < 3 || p.find(CY_WALL).share() > 0.03) && p.find(SPEAKING_FRAME).count() > 500;
            Instant deadline = Instant.now().plus(WAIT);
            ScreenPixels last = null;
            while (Instant.now().isBefore(deadline)) {
                screen.screenshot(png);
                last = ScreenPixels.read(png);
                if (ready.test(last)) {
                    Thread.sleep(1500); // let the window settle, then keep that picture
                    screen.screenshot(png);
                    return ScreenPixels.read(png);
                }
                app.assertAlive();
                Thread.sleep(1000);
            }
            throw new AssertionError("the group never showed; last screenshot " + png + ": " + last + "\n" + app.logTail());
        }
    }

    /** {@code GroupCallShowcase} in its own JVM, with its window on the virtual display. */
    private static final class Showcase extends WindowProcess {

        private Showcase(Process process, Path log) {
            super("the showcase", process, log);
        }

        static Showcase start(String display, int people) throws IOException {
            Path log = E2eDirs.logs().resolve("group-showcase-" + people + ".log");
            List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"),
                    "-Droomcall.config.dir=" + E2eDirs.target().resolve("e2e-work").resolve("showcase-config"),
                    "dev.roomcall.app.ui.call.GroupCallShowcase", Integer.toString(people));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("DISPLAY", display);
            return new Showcase(builder.start(), log);
        }
    }
}
