package dev.roomcall.app.ui.call;

import dev.roomcall.app.presentation.CallAction;
import dev.roomcall.app.presentation.CallStatus;
import dev.roomcall.app.presentation.CallViewModel;
import dev.roomcall.app.presentation.DevicesModel;
import dev.roomcall.app.presentation.ShareModel;
import javafx.animation.AnimationTimer;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The floating row of round buttons at the bottom of the call: microphone (with its level meter), camera,
 * devices, chat (with the unread badge), statistics, fullscreen, help, and the red hang-up button. Every button
 * has a tooltip naming its keyboard shortcut.
 */
final class ControlBar extends HBox {

    private static final PseudoClass OFF = PseudoClass.getPseudoClass("off");
    private static final PseudoClass ACTIVE = PseudoClass.getPseudoClass("active");
    private static final long METER_PERIOD_NS = 80_000_000;

    private final Button microphone = new Button();
    private final Button camera = new Button();
    private final Button chat = new Button();
    private final Label unread = new Label();
    private final LevelMeterView meter = new LevelMeterView();
    private final AnimationTimer meterTimer;

    ControlBar(CallViewModel model, DevicesModel devices, ShareModel share, Runnable fullscreen, Runnable hangUp) {
        super(10);
        getStyleClass().add("control-bar");
        setAlignment(Pos.CENTER);
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        StackPane.setAlignment(this, Pos.BOTTOM_CENTER);

        round(microphone, "control-microphone");
        VBox micContent = new VBox(2);
        micContent.setAlignment(Pos.CENTER);
        microphone.setGraphic(micContent);
        microphone.setOnAction(e -> model.toggleMicrophone());
        model.microphoneOn().observe(on -> {
            micContent.getChildren().setAll(on ? Icons.of(20, Icons.MICROPHONE) : Icons.off(20, Icons.MICROPHONE), meter);
            microphone.pseudoClassStateChanged(OFF, !on);
            microphone.setTooltip(tip(on ? "tooltip.mute" : "tooltip.unmute", CallAction.TOGGLE_MICROPHONE));
            name(microphone, on ? "a11y.mute" : "a11y.unmute", CallAction.TOGGLE_MICROPHONE);
            meter.setOpacity(on ? 1 : 0.3);
        });
        model.microphoneLevel().observe(meter::show);

        round(camera, "control-camera");
        camera.setOnAction(e -> model.toggleCamera());
        model.cameraOn().observe(on -> {
            camera.setGraphic(on ? Icons.of(20, Icons.CAMERA) : Icons.off(20, Icons.CAMERA));
            camera.pseudoClassStateChanged(OFF, !on);
            camera.setTooltip(tip(on ? "tooltip.cameraOff" : "tooltip.cameraOn", CallAction.TOGGLE_CAMERA));
            name(camera, on ? "a11y.cameraOff" : "a11y.cameraOn", CallAction.TOGGLE_CAMERA);
        });

        DeviceMenu deviceMenu = new DeviceMenu(devices);

        round(chat, "control-chat");
        unread.getStyleClass().add("badge");
        unread.setMouseTransparent(true);
        StackPane chatGraphic = new StackPane(Icons.of(20, Icons.CHAT), unread);
        StackPane.setAlignment(unread, Pos.TOP_RIGHT);
        chat.setGraphic(chatGraphic);
        chat.setTooltip(tip("tooltip.chat", CallAction.TOGGLE_CHAT));
        chat.setOnAction(e -> model.chat().toggleOpen());
        Runnable chatName = () -> {
            int n = model.chat().unread().get();
            String name = CallStatus.text(model.chat().open().get() ? "a11y.closeChat" : "a11y.openChat");
            chat.setAccessibleText(n > 0 ? CallStatus.text("a11y.unread", name, n) : name);
            chat.setAccessibleHelp(help("tooltip.chat", CallAction.TOGGLE_CHAT));
        };
        model.chat().unread().observe(n -> {
            unread.setText(n > 99 ? "99+" : String.valueOf(n));
            unread.setVisible(n > 0);
            chatName.run();
        });
        model.chat().open().observe(open -> {
            chat.pseudoClassStateChanged(ACTIVE, open);
            chatName.run();
        });

        Button shareButton = iconButton(Icons.SHARE, "control-share", tip("tooltip.share", CallAction.TOGGLE_SHARE),
                share::togglePicker);
        share.sharing().observe(name -> {
            shareButton.pseudoClassStateChanged(ACTIVE, !name.isEmpty());
            name(shareButton, name.isEmpty() ? "a11y.share" : "a11y.shareChange", CallAction.TOGGLE_SHARE);
        });

        Button stats = iconButton(Icons.STATS, "control-stats", tip("tooltip.stats", CallAction.TOGGLE_STATS),
                model::toggleStats);
        model.statsVisible().observe(on -> {
            stats.pseudoClassStateChanged(ACTIVE, on);
            name(stats, on ? "a11y.hideStats" : "a11y.showStats", CallAction.TOGGLE_STATS);
        });
        Button full = iconButton(Icons.FULLSCREEN, "control-fullscreen",
                tip("tooltip.fullscreen", CallAction.TOGGLE_FULLSCREEN), fullscreen);
        name(full, "a11y.fullscreen", CallAction.TOGGLE_FULLSCREEN);
        Button help = iconButton(Icons.HELP, "control-help", tip("tooltip.help", CallAction.TOGGLE_HELP),
                model::toggleHelp);
        name(help, "a11y.help", CallAction.TOGGLE_HELP);
        Button hang = iconButton(Icons.HANG_UP, "control-hang-up", tip("tooltip.hangUp", CallAction.HANG_UP), hangUp);
        name(hang, "a11y.hangUp", CallAction.HANG_UP);
        setAccessibleRole(javafx.scene.AccessibleRole.TOOL_BAR);
        setAccessibleText(CallStatus.text("a11y.controls"));

        Region gap = new Region();
        gap.setMinWidth(6);
        getChildren().addAll(microphone, camera, deviceMenu, shareButton, chat, stats, full, help, gap, hang);

        long[] last = {0};
        meterTimer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (now - last[0] >= METER_PERIOD_NS) {
                    model.tick(last[0] == 0 ? 0 : (now - last[0]) / 1_000_000);
                    last[0] = now;
                }
            }
        };
        meterTimer.start();
    }

    void stop() {
        meterTimer.stop();
    }

    private static Tooltip tip(String key, CallAction action) {
        return new Tooltip(help(key, action));
    }

    private static String help(String key, CallAction action) {
        return CallStatus.text(key) + "  (" + action.keys() + ")";
    }

    /** What a screen reader says for an icon-only button: what pressing it does now, and its shortcut. */
    private static void name(Button button, String key, CallAction action) {
        button.setAccessibleText(CallStatus.text(key));
        button.setAccessibleHelp(CallStatus.text("a11y.shortcut", action.keys()));
    }

    /** Round icon buttons; Tab reaches them (Space presses), the letter shortcuts work from anywhere. */
    private static void round(Button button, String id) {
        button.getStyleClass().addAll("control", id);
    }

    private static Button iconButton(String path, String id, Tooltip tooltip, Runnable action) {
        Button button = new Button();
        round(button, id);
        Node icon = Icons.of(20, path);
        button.setGraphic(icon);
        button.setTooltip(tooltip);
        button.setOnAction(e -> action.run());
        return button;
    }
}
