package dev.roomcall.app.ui.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.app.call.PeerId;
import dev.roomcall.app.i18n.I18n;
import dev.roomcall.app.presentation.NetworkQuality;
import dev.roomcall.app.presentation.group.Participants;
import dev.roomcall.app.presentation.group.Slot;
import dev.roomcall.app.ui.Screenshots;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The grid of other people on its own, fed with painted pictures instead of peer connections. */
@ExtendWith(ApplicationExtension.class)
class ParticipantGridTest {

    private static final PseudoClass SPEAKING = PseudoClass.getPseudoClass("speaking");
    private static final PeerId ANA = new PeerId("ana");
    private static final PeerId BO = new PeerId("bo");
    private static final PeerId CY = new PeerId("cy");
    private static final double W = 1000;
    private static final double H = 640;

    private final AtomicLong clock = new AtomicLong();
    private Participants people;
    private ParticipantGrid grid;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), W, H));
        stage.show();
    }

    @BeforeEach
    void grid() throws Exception {
        I18n.setLocale(Locale.ENGLISH);
        fx(() -> {
            people = new Participants(clock::get);
            grid = new ParticipantGrid(people);
            StackPane root = new StackPane(grid);
            root.getStylesheets().add(CallScreen.class.getResource("call.css").toExternalForm());
            root.getStyleClass().add("call-screen");
            stage.getScene().setRoot(root);
            return null;
        });
    }

    private void join(PeerId peer, String name, int wall) throws Exception {
        fx(() -> {
            people.joined(peer, name);
            people.video(peer, new PaintedPerson(wall));
            return null;
        });
    }

    /** Where the tiles are once laid out: a tile that has no size yet has not been through a layout pass. */
    private List<Bounds> tileBounds() throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
        while (true) {
            List<Bounds> bounds = fx(() -> {
                grid.applyCss();
                grid.layout();
                return grid.tiles().stream().map(Node::getBoundsInParent).toList();
            });
            if (bounds.stream().allMatch(b -> b.getWidth() > 0 && b.getHeight() > 0) || System.nanoTime() > deadline) {
                return bounds;
            }
            Thread.sleep(50);
        }
    }

    @Test
    void oneOtherPersonIsOneBarePictureAsLargeAsThePaneAsInATwoPersonCall() throws Exception {
        join(ANA, "Ana", 0x6c8ebf);
        awaitFx("the picture", () -> grid.single().showingProperty().get());
        assertTrue(fx(() -> grid.single().isVisible()));
        assertEquals(List.of(), fx(grid::tiles), "no tiles, no frames, no name");
        Bounds single = fx(() -> grid.single().getBoundsInParent());
        assertEquals(W, single.getWidth(), 0.5);
        assertEquals(H, single.getHeight(), 0.5);
        assertEquals("Video of the other person", fx(() -> grid.single().getAccessibleText()));
    }

    @Test
    void twoPeopleSitSideBySideAndThreeFillAGridOfFourLeavingTheSelfViewsCornerFree() throws Exception {
        join(ANA, "Ana", 0x6c8ebf);
        join(BO, "Bo", 0xbf8e6c);
        List<Bounds> two = tileBounds();
        assertFalse(fx(() -> grid.single().isVisible()));
        assertEquals(2, two.size());
        assertEquals(two.get(0).getMinY(), two.get(1).getMinY(), 0.5, "one row");
        assertTrue(two.get(0).getMaxX() < two.get(1).getMinX(), "Ana left of Bo, not overlapping");
        assertEquals(16.0 / 9.0, two.get(0).getWidth() / two.get(0).getHeight(), 0.02, "video-shaped tiles");
        awaitFx("pictures in both tiles", () -> grid.tiles().stream().allMatch(t -> t.video().showingProperty().get()));
        Screenshots.save(fx(() -> Screenshots.take(stage.getScene())), "grid-two");

        join(CY, "Cy", 0x7fbf6c);
        List<Bounds> three = tileBounds();
        assertEquals(3, three.size());
        assertEquals(three.get(0).getMinY(), three.get(1).getMinY(), 0.5, "Ana and Bo on the first row");
        assertTrue(three.get(2).getMinY() > three.get(0).getMaxY(), "Cy on the second row");
        assertEquals(three.get(0).getMinX(), three.get(2).getMinX(), 0.5, "Cy under Ana: bottom right stays free");
        assertTrue(three.get(2).getMaxY() <= H - SelfView.BOTTOM_RESERVE, "above the control bar: " + three);
        Screenshots.save(fx(() -> Screenshots.take(stage.getScene())), "grid-three");
    }

    @Test
    void eachTileShowsTheNameAndSaysWhoItIsAndWhatGoesOn() throws Exception {
        join(ANA, "Ana", 0x6c8ebf);
        join(BO, "Bo", 0xbf8e6c);
        fx(() -> {
            people.mediaState(ANA, false, true);
            people.mediaState(BO, true, false);
            people.quality(BO, NetworkQuality.POOR);
            return null;
        });
        ParticipantTile ana = fx(() -> grid.tiles().get(0));
        ParticipantTile bo = fx(() -> grid.tiles().get(1));
        assertEquals("Ana, microphone off", fx(ana::getAccessibleText));
        assertEquals("Bo, camera off, poor connection", fx(bo::getAccessibleText));
        assertEquals(AccessibleRole.BUTTON, fx(ana::getAccessibleRole));
        assertEquals("Ana", fx(() -> ((javafx.scene.control.Label) ana.lookup(".tile-name")).getText()));
        assertTrue(fx(() -> ana.lookup(".tile-mic-off").isVisible()), "the muted sign");
        assertFalse(fx(() -> bo.lookup(".tile-mic-off").isVisible()));
        assertTrue(fx(() -> bo.lookup(".tile-camera-off").isVisible()), "camera off, in words");
        assertFalse(fx(() -> ana.lookup(".tile-camera-off").isVisible()));
    }

    @Test
    void theSpeakersTileGetsAThickFrameAndASoundIconNotJustAColour() throws Exception {
        join(ANA, "Ana", 0x6c8ebf);
        join(BO, "Bo", 0xbf8e6c);
        fx(() -> {
            grid.requestFocus(); // no tile focused: the focus ring is a frame of its own
            return null;
        });
        ParticipantTile ana = fx(() -> grid.tiles().get(0));
        double quietBorder = fx(() -> {
            ana.applyCss();
            return ana.getBorder().getStrokes().get(0).getWidths().getTop();
        });
        fx(() -> {
            people.audioLevel(ANA, 0.4);
            clock.set(300);
            people.audioLevel(ANA, 0.4);
            return null;
        });
        assertTrue(fx(() -> ana.getPseudoClassStates().contains(SPEAKING)));
        fx(() -> {
            ana.applyCss();
            return null;
        });
        double speakingBorder = fx(() -> ana.getBorder().getStrokes().get(0).getWidths().getTop());
        assertTrue(speakingBorder >= 3 * quietBorder, quietBorder + " → " + speakingBorder);
        assertTrue(fx(() -> ana.lookup(".tile-speaking-icon").isVisible()), "a sound icon by the name");
        assertEquals("Ana, speaking", fx(ana::getAccessibleText));
        ParticipantTile bo = fx(() -> grid.tiles().get(1));
        assertFalse(fx(() -> bo.getPseudoClassStates().contains(SPEAKING)));
        assertFalse(fx(() -> bo.lookup(".tile-speaking-icon").isVisible()));
        Screenshots.save(fx(() -> Screenshots.take(stage.getScene())), "grid-speaking");

        fx(() -> {
            clock.set(300 + 1_200);
            people.tick();
            return null;
        });
        assertFalse(fx(() -> ana.getPseudoClassStates().contains(SPEAKING)), "silent long enough: out");
    }

    @Test
    void aClickPinsATileLargeWithTheOthersInAStripAndASecondClickBringsTheGridBack(FxRobot robot)
            throws Exception {
        join(ANA, "Ana", 0x6c8ebf);
        join(BO, "Bo", 0xbf8e6c);
        join(CY, "Cy", 0x7fbf6c);
        ParticipantTile bo = fx(() -> grid.tiles().get(1));
        robot.clickOn(bo);
        awaitFx("Bo pinned", () -> people.tile(BO).orElseThrow().pinned());
        List<Bounds> focused = tileBounds();
        assertEquals(Slot.camera(BO), fx(() -> grid.tiles().get(0).slot()), "Bo first: the large one");
        assertTrue(focused.get(0).getWidth() > 3 * focused.get(1).getWidth(), "large beside small: " + focused);
        assertEquals(focused.get(1).getWidth(), focused.get(2).getWidth(), 0.5, "the strip's tiles are alike");
        assertTrue(focused.get(1).getMinX() > focused.get(0).getMaxX(), "the strip beside the large picture");
        assertEquals("Bo, pinned", fx(bo::getAccessibleText));
        Screenshots.save(fx(() -> Screenshots.take(stage.getScene())), "grid-pinned");

        robot.clickOn(fx(() -> grid.tiles().get(0)));
        awaitFx("unpinned", () -> !people.tile(BO).orElseThrow().pinned());
        assertEquals(Slot.camera(ANA), fx(() -> grid.tiles().get(0).slot()), "back in order of arrival");
    }

    @Test
    void enterAndSpaceOnAFocusedTilePinAndUnpinIt(FxRobot robot) throws Exception {
        join(ANA, "Ana", 0x6c8ebf);
        join(BO, "Bo", 0xbf8e6c);
        fx(() -> {
            grid.tiles().get(1).requestFocus();
            return null;
        });
        awaitFx("Bo's tile has the focus", () -> grid.tiles().get(1).isFocused());
        robot.type(KeyCode.ENTER);
        awaitFx("Bo pinned", () -> people.tile(BO).orElseThrow().pinned());
        assertEquals(Slot.camera(BO), fx(() -> grid.tiles().get(0).slot()), "Bo large");
        assertTrue(fx(() -> grid.tiles().get(0).isFocused()), "the focus moved with Bo's tile");
        fx(() -> {
            people.audioLevel(ANA, 0.5);
            clock.set(500);
            people.audioLevel(ANA, 0.5);
            return null;
        });
        assertTrue(fx(() -> grid.tiles().get(0).isFocused()), "someone speaking does not take the focus away");
        robot.type(KeyCode.SPACE);
        awaitFx("Bo unpinned", () -> !people.tile(BO).orElseThrow().pinned());
        assertTrue(fx(() -> grid.tiles().get(0).isFocusTraversable()), "Tab reaches the tiles");
    }

    @Test
    void aSharedScreenGoesLargeAndSaysWhoPresents() throws Exception {
        join(ANA, "Ana", 0x6c8ebf);
        join(BO, "Bo", 0xbf8e6c);
        fx(() -> {
            people.screen(BO, new PaintedPerson(0xdddddd));
            return null;
        });
        assertEquals(Slot.screen(BO), fx(() -> grid.tiles().get(0).slot()));
        assertEquals("Bo's screen", fx(() -> grid.tiles().get(0).getAccessibleText()));
        javafx.scene.control.Label presenting = fx(() -> (javafx.scene.control.Label) grid.lookup(".tile-presenting"));
        assertTrue(fx(presenting::isVisible));
        assertEquals("Bo is presenting", fx(presenting::getText));
        fx(() -> {
            people.screen(BO, null);
            return null;
        });
        assertFalse(fx(presenting::isVisible));
        assertEquals(2, fx(() -> grid.tiles().size()));
    }

    @Test
    void aLeavingPersonsTileGoesAndTheOthersCloseRanks() throws Exception {
        join(ANA, "Ana", 0x6c8ebf);
        join(BO, "Bo", 0xbf8e6c);
        join(CY, "Cy", 0x7fbf6c);
        fx(() -> {
            people.left(BO);
            return null;
        });
        assertEquals(List.of(Slot.camera(ANA), Slot.camera(CY)),
                fx(() -> grid.tiles().stream().map(ParticipantTile::slot).toList()));
        assertEquals(2, fx(() -> grid.lookupAll(".participant-tile").size()), "Bo's tile is gone from the scene");
    }

    private static <T> T fx(Callable<T> body) throws Exception {
        return WaitForAsyncUtils.asyncFx(body).get(10, TimeUnit.SECONDS);
    }

    private static void awaitFx(String what, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!Boolean.TRUE.equals(fx(condition))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting for " + what);
            }
            Thread.sleep(30);
        }
    }
}
