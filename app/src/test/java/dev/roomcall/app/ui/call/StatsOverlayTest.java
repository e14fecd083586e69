package dev.roomcall.app.ui.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.app.call.CallControls;
import dev.roomcall.app.call.CallOptions;
import dev.roomcall.app.call.Role;
import dev.roomcall.app.i18n.I18n;
import dev.roomcall.app.presentation.CallViewModel;
import dev.roomcall.app.presentation.StatsFeed;
import dev.roomcall.app.ui.Screenshots;
import dev.roomcall.media.session.PeerMessage;
import dev.roomcall.media.stats.CallStats;
import dev.roomcall.media.stats.CandidatePair;
import dev.roomcall.media.stats.VideoStreamStats;
import dev.roomcall.media.stats.VideoTracks;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The statistics overlay shows the camera's and a shared screen's figures side by side, for whoever it follows. */
@ExtendWith(ApplicationExtension.class)
class StatsOverlayTest {

    private static final VideoStreamStats NONE = VideoStreamStats.NONE;

    private StatsOverlay overlay;
    private Scene scene;
    private Locale before;

    @Start
    void start(Stage stage) {
        before = I18n.locale();
        I18n.setLocale(Locale.ENGLISH);
        stage.setScene(scene = new Scene(new StackPane(), 900, 600));
        stage.show();
    }

    @AfterEach
    void language() {
        I18n.setLocale(before);
    }

    @Test
    void whileSharingTheScreenSentStandsNextToTheCameraEachWay() throws Exception {
        StatsFeed feed = open();
        fx(() -> {
            feed.add(snapshot(new VideoTracks(stream(640, 480, 30, 100_000, 300), NONE,
                    stream(1280, 720, 30, 200_000, 300), stream(1920, 1080, 10, 50_000, 20))), 0);
            feed.add(snapshot(new VideoTracks(stream(640, 480, 30, 225_000, 330), NONE,
                    stream(1280, 720, 30, 450_000, 330), stream(1920, 1080, 10, 300_000, 30))), 1_000);
            return null;
        });

        assertEquals(List.of("Camera in", "Camera out", "Screen out"), fx(this::columns));
        assertEquals("1920 × 1080", fx(() -> value("SCREEN_SENT", "resolution")));
        assertEquals("10", fx(() -> value("SCREEN_SENT", "fps")));
        assertEquals("2.00 Mbit/s", fx(() -> value("SCREEN_SENT", "bitrate")));
        assertEquals("30", fx(() -> value("SCREEN_SENT", "frames")));
        assertEquals("1280 × 720", fx(() -> value("CAMERA_SENT", "resolution")));
        assertEquals("2.00 Mbit/s", fx(() -> value("CAMERA_SENT", "bitrate")));
        assertEquals("640 × 480", fx(() -> value("CAMERA_RECEIVED", "resolution")));
        assertEquals("1.00 Mbit/s", fx(() -> value("CAMERA_RECEIVED", "bitrate")));
        assertEquals("330", fx(() -> value("CAMERA_RECEIVED", "frames")));
        Screenshots.save(fx(() -> Screenshots.take(scene)), "stats-overlay-sharing");

        // The share ends: its column goes, the camera's stay.
        fx(() -> {
            feed.add(snapshot(new VideoTracks(stream(640, 480, 30, 350_000, 360), NONE,
                    stream(1280, 720, 30, 700_000, 360), NONE)), 2_000);
            return null;
        });
        assertEquals(List.of("Camera in", "Camera out"), fx(this::columns));
        assertNull(fx(() -> scene.lookup("#track-SCREEN_SENT-resolution")));
    }

    @Test
    void inAGroupCallItShowsTheChosenPersonsTracksAndTheirScreen() throws Exception {
        StatsFeed ana = open();
        StatsFeed bo = StatsFeed.empty();
        fx(() -> {
            ana.add(snapshot(new VideoTracks(stream(640, 360, 24, 50_000, 100), NONE,
                    stream(640, 360, 24, 60_000, 100), NONE)), 0);
            bo.add(snapshot(new VideoTracks(stream(640, 360, 24, 40_000, 90), stream(2560, 1440, 5, 300_000, 12),
                    stream(640, 360, 24, 60_000, 100), NONE)), 0);
            return null;
        });
        assertEquals(List.of("Camera in", "Camera out"), fx(this::columns), "Ana does not share");

        fx(() -> {
            overlay.follow(bo);
            return null;
        });
        assertEquals(List.of("Camera in", "Screen in", "Camera out"), fx(this::columns), "Bo shares");
        assertEquals("2560 × 1440", fx(() -> value("SCREEN_RECEIVED", "resolution")));
        assertEquals("5", fx(() -> value("SCREEN_RECEIVED", "fps")));
        assertEquals("12", fx(() -> value("SCREEN_RECEIVED", "frames")));
        assertEquals("0 kbit/s", fx(() -> value("SCREEN_RECEIVED", "bitrate")), "no rate from one snapshot");
    }

    @Test
    void withoutVideoFiguresTheTableHidesAndInChineseItSpeaksChinese() throws Exception {
        StatsFeed feed = open();
        assertFalse(fx(() -> scene.lookup(".stats-tracks").isVisible()), "nothing measured yet");

        I18n.setLocale(Locale.SIMPLIFIED_CHINESE);
        StatsFeed chinese = open();
        fx(() -> {
            chinese.add(snapshot(new VideoTracks(stream(640, 480, 30, 1, 1), stream(1280, 800, 10, 1, 1),
                    NONE, NONE)), 0);
            return null;
        });
        assertTrue(fx(() -> scene.lookup(".stats-tracks").isVisible()));
        assertEquals(List.of("收到的摄像头", "收到的屏幕"), fx(this::columns));
        assertTrue(feed.stats().get().tracks().isEmpty());
    }

    /** A fresh overlay, shown, following a feed of its own. */
    private StatsFeed open() throws Exception {
        return fx(() -> {
            CallViewModel model = new CallViewModel(new CallOptions(URI.create("ws://127.0.0.1:3000/"), "abcd-efgh-jkmnp",
                    Role.AUTO, List.of(), false, null), new IdleCall(), () -> 0L);
            overlay = new StatsOverlay(model);
            StackPane root = new StackPane(overlay);
            root.getStylesheets().add(CallScreen.class.getResource("call.css").toExternalForm());
            root.setStyle("-fx-background-color: #0b0f14;");
            scene.setRoot(root);
            model.toggleStats();
            StatsFeed feed = StatsFeed.empty();
            overlay.follow(feed);
            return feed;
        });
    }

    private List<String> columns() {
        return scene.getRoot().lookupAll(".stats-track-title").stream().map(n -> ((Label) n).getText()).toList();
    }

    private String value(String track, String figure) {
        Node node = scene.lookup("#track-" + track + "-" + figure);
        return node == null ? null : ((Label) node).getText();
    }

    private static VideoStreamStats stream(int width, int height, double fps, long bytes, long frames) {
        return new VideoStreamStats(width, height, fps, bytes, frames);
    }

    private static CallStats snapshot(VideoTracks tracks) {
        return new CallStats(0, 0, 1_000, 1_000, 0, 640, 480, 30, 12, "VP8", 0, "host", 10, 0, 0, CandidatePair.NONE,
                tracks);
    }

    private static <T> T fx(Callable<T> action) throws Exception {
        return WaitForAsyncUtils.asyncFx(action).get(10, TimeUnit.SECONDS);
    }

    /** A call that is never asked anything here. */
    private static final class IdleCall implements CallControls {
        @Override
        public void setMicrophoneEnabled(boolean on) {}

        @Override
        public void setCameraEnabled(boolean on) {}

        @Override
        public boolean microphoneEnabled() {
            return true;
        }

        @Override
        public boolean cameraEnabled() {
            return true;
        }

        @Override
        public Optional<PeerMessage.Chat> sendChat(String text) {
            return Optional.empty();
        }

        @Override
        public double microphoneLevel() {
            return 0;
        }

        @Override
        public void hangUp() {}
    }
}
