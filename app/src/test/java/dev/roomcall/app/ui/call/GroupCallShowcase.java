package dev.roomcall.app.ui.call;

import dev.roomcall.app.call.CallEvent;
import dev.roomcall.app.call.CallOptions;
import dev.roomcall.app.call.PeerId;
import dev.roomcall.app.call.Role;
import dev.roomcall.app.call.TestEngine;
import dev.roomcall.app.i18n.I18n;
import dev.roomcall.app.presentation.ScreenCall;
import dev.roomcall.app.presentation.group.Participants;
import dev.roomcall.server.ServerConfig;
import dev.roomcall.server.SignalingServer;
import java.util.List;
import java.util.Locale;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * The real call window with two or three painted people in it, for screenshots on a virtual display
 * ({@code GroupGridScreenshotIT}): the call screen as a group call will look once the call reports each person,
 * with a real engine (its test pattern is the self-view) and a real room on a loopback server. Arguments: the
 * number of people (2 or 3).
 */
public final class GroupCallShowcase {

    static final int WIDTH = 1280;
    static final int HEIGHT = 800;

    private GroupCallShowcase() {}

    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[0]);
        I18n.setLocale(Locale.ENGLISH);
        SignalingServer server = SignalingServer.start(ServerConfig.builder().host("127.0.0.1").port(0).build());
        Platform.startup(() -> show(count, server));
    }

    private static void show(int count, SignalingServer server) {
        String room = "group-showcase";
        CallOptions options = new CallOptions(server.uri(), room, Role.AUTO, List.of(), false, null);
        ScreenCall call = ScreenCall.start(TestEngine.get(), options, "http://127.0.0.1/#" + room, Platform::runLater);
        CallScreen screen = new CallScreen(call, Platform::exit);
        Stage stage = new Stage();
        Scene scene = new Scene(new StackPane(screen), WIDTH, HEIGHT);
        scene.getStylesheets().add(dev.roomcall.app.ui.Shell.class.getResource("roomcall.css").toExternalForm());
        stage.setScene(scene);
        stage.setTitle("Roomcall group showcase");
        stage.show();

        // As in a live call: connected, pictures arriving, so the status card steps aside.
        call.model().accept(new CallEvent.Connected(0));
        call.model().accept(new CallEvent.FirstRemoteVideo(PaintedPerson.WIDTH, PaintedPerson.HEIGHT, 0));
        Participants people = call.participants();
        PeerId ana = new PeerId("ana");
        PeerId bo = new PeerId("bo");
        people.wasThere(ana, "Ana Lima");
        people.video(ana, new PaintedPerson(0x5b7db1));
        people.joined(bo, "Bo");
        people.video(bo, new PaintedPerson(0xb5835a));
        if (count >= 3) {
            PeerId cy = new PeerId("cy");
            people.joined(cy, "Chen Yu 陈宇");
            people.video(cy, new PaintedPerson(0x6fa35f));
            people.mediaState(cy, false, true);
        }
        Timeline speech = new Timeline(new KeyFrame(Duration.millis(100), e -> people.audioLevel(bo, 0.5)));
        speech.setCycleCount(Timeline.INDEFINITE);
        speech.play();
    }
}
