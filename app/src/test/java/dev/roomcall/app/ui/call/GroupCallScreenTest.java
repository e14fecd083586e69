package dev.roomcall.app.ui.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.app.call.CallEvent;
import dev.roomcall.app.call.CallOptions;
import dev.roomcall.app.call.PeerId;
import dev.roomcall.app.call.Role;
import dev.roomcall.app.call.TestEngine;
import dev.roomcall.app.i18n.I18n;
import dev.roomcall.app.presentation.ScreenCall;
import dev.roomcall.app.presentation.group.Participants;
import dev.roomcall.app.ui.Screenshots;
import dev.roomcall.media.stats.CallStats;
import dev.roomcall.server.ServerConfig;
import dev.roomcall.server.SignalingServer;
import dev.roomcall.signaling.RoomCode;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The call screen with several people, fed through {@link ScreenCall#participants()} with painted pictures the
 * way the call will feed it per person: what is said and chimed, whose statistics are shown, and how it looks.
 */
@ExtendWith(ApplicationExtension.class)
class GroupCallScreenTest {

    static final PeerId ANA = new PeerId("ana");
    static final PeerId BO = new PeerId("bo");
    static final PeerId CY = new PeerId("cy");

    private final List<String> notified = new CopyOnWriteArrayList<>();
    private SignalingServer server;
    private Stage stage;
    private CallScreen screen;
    private ScreenCall call;
    private Participants people;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 1100, 700));
        stage.show();
    }

    @BeforeEach
    void open() throws Exception {
        I18n.setLocale(Locale.ENGLISH);
        server = SignalingServer.start(ServerConfig.builder().host("127.0.0.1").port(0).build());
        String room = RoomCode.newRoomName();
        CallOptions options = new CallOptions(server.uri(), room, Role.AUTO, List.of(), false, null);
        fx(() -> {
            call = ScreenCall.start(TestEngine.get(), options, "http://127.0.0.1/#" + room, Platform::runLater);
            screen = new CallScreen(call, () -> { });
            screen.alertPresence(new dev.roomcall.app.notify.PresenceAlerts.Window() {
                @Override
                public boolean focused() {
                    return false;
                }

                @Override
                public void bringForward() {
                }
            }, new dev.roomcall.app.notify.DesktopNotifications() {
                @Override
                public void show(String summary, String body, Runnable onClick) {
                    notified.add(summary);
                }

                @Override
                public void close() {}
            }, 0);
            people = call.participants();
            stage.getScene().setRoot(new StackPane(screen));
            return null;
        });
        // The call's own news (waiting in the room) is said before the tests feed people in.
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        while (fx(() -> call.model().phase().get()) != dev.roomcall.app.presentation.CallPhase.WAITING) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the call never got into its room");
            }
            Thread.sleep(50);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void close() throws Exception {
        fx(() -> {
            screen.closeNow();
            return null;
        });
        server.close();
    }

    /** Three people as the call would report them: Ana was there, Bo and Cy came later. */
    static void threePeople(Participants people) {
        people.wasThere(ANA, "Ana Lima");
        people.video(ANA, new PaintedPerson(0x5b7db1));
        people.joined(BO, "Bo");
        people.video(BO, new PaintedPerson(0xb5835a));
        people.joined(CY, "Chen Yu 陈宇");
        people.video(CY, new PaintedPerson(0x6fa35f));
    }

    @Test
    void arrivalsAndDeparturesAreSaidAndEachArrivalIsNews() throws Exception {
        List<String> said = new CopyOnWriteArrayList<>();
        fx(() -> {
            Label announcer = (Label) screen.lookup(".announcer");
            announcer.textProperty().addListener((o, was, now) -> said.add(now));
            threePeople(people);
            people.left(BO);
            return null;
        });
        assertEquals(List.of("Bo joined the call", "Chen Yu 陈宇 joined the call", "Bo left the call"), said,
                "the first person is the status line's news; in a group each change is said");
        Label notice = fx(() -> (Label) screen.lookup(".presence-notice"));
        assertTrue(fx(notice::isVisible), "and shown for a few seconds");
        assertEquals("Bo left the call", fx(notice::getText));
        assertEquals(List.of("Bo joined your call", "Chen Yu 陈宇 joined your call", "Bo left the call"),
                notified, "one notification per person arriving or leaving, by name; none for who was there before");
    }

    @Test
    void oneOtherPersonArrivingIsNewsForTheStatusLineAlone() throws Exception {
        fx(() -> {
            people.joined(ANA, "Ana");
            return null;
        });
        assertFalse(fx(() -> screen.lookup(".presence-notice").isVisible()));
    }

    @Test
    void inAGroupTheTwoPersonBadgesHideAndTheTilesSpeakForThemselves() throws Exception {
        assertTrue(fx(() -> screen.lookup(".remote-audio").getParent().isVisible()), "one person: the badges");
        fx(() -> {
            threePeople(people);
            return null;
        });
        assertFalse(fx(() -> screen.lookup(".remote-audio").getParent().isVisible()));
        assertEquals(3, fx(() -> screen.lookupAll(".participant-tile").size()));
    }

    @Test
    void theStatisticsOverlayShowsThePersonChosen() throws Exception {
        fx(() -> {
            people.wasThere(ANA, "Ana");
            people.stats(ANA, stats(640, 360));
            return null;
        });
        ChoiceBox<?> choice = fx(() -> (ChoiceBox<?>) screen.lookup("#statsPerson"));
        assertFalse(fx(choice::isVisible), "one person: nothing to choose");
        fx(() -> {
            people.joined(BO, "Bo");
            people.stats(BO, stats(1280, 720));
            call.model().toggleStats();
            return null;
        });
        assertTrue(fx(choice::isVisible));
        assertEquals("640 × 360", fx(this::resolutionShown), "the first person by default");
        fx(() -> {
            choice.getSelectionModel().select(1);
            return null;
        });
        assertEquals(BO, fx(() -> people.statsPeer().get()));
        assertEquals("1280 × 720", fx(this::resolutionShown));
        Screenshots.save(fx(() -> Screenshots.take(stage.getScene())), "group-stats");
    }

    @Test
    void screenshotsOfTwoAndThreePeople() throws Exception {
        fx(() -> {
            // The status card steps aside as in a live call.
            call.model().accept(new CallEvent.Connected(0));
            call.model().accept(new CallEvent.FirstRemoteVideo(320, 180, 0));
            people.wasThere(ANA, "Ana Lima");
            people.video(ANA, new PaintedPerson(0x5b7db1));
            people.joined(BO, "Bo");
            people.video(BO, new PaintedPerson(0xb5835a));
            return null;
        });
        speak(BO);
        awaitShowing(2);
        assertTrue(fx(() -> screen.lookup(".participant-tile:speaking") != null));
        Screenshots.save(fx(() -> Screenshots.take(stage.getScene())), "group-two");
        fx(() -> {
            people.joined(CY, "Chen Yu"); // Monocle's fonts have no Chinese; the window on X shows it
            people.video(CY, new PaintedPerson(0x6fa35f));
            people.mediaState(CY, false, true);
            return null;
        });
        speak(ANA);
        awaitShowing(3);
        Screenshots.save(fx(() -> Screenshots.take(stage.getScene())), "group-three");
    }

    /** Audio levels of speech for a moment, enough for the tile to light. */
    private void speak(PeerId peer) throws Exception {
        for (int i = 0; i < 4; i++) {
            fx(() -> {
                people.audioLevel(peer, 0.5);
                return null;
            });
            Thread.sleep(100);
        }
    }

    private void awaitShowing(int tiles) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!fx(() -> screen.lookupAll(".participant-tile").stream()
                .filter(n -> ((ParticipantTile) n).video().showingProperty().get()).count() == tiles)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the tiles never showed their pictures");
            }
            Thread.sleep(30);
        }
    }

    private String resolutionShown() {
        return ((Label) screen.lookup(".stats-overlay").lookupAll(".stats-value").iterator().next()).getText();
    }

    private static CallStats stats(int width, int height) {
        return new CallStats(10, 10, 1000, 1000, 100, width, height, 30, 20, "VP8", 0, "host", 100, 0, 0);
    }

    private static <T> T fx(Callable<T> body) throws Exception {
        return WaitForAsyncUtils.asyncFx(body).get(10, TimeUnit.SECONDS);
    }
}
