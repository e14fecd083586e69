package dev.roomcall.app.ui.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.roomcall.app.call.CallOptions;
import dev.roomcall.app.call.Role;
import dev.roomcall.app.call.TestEngine;
import dev.roomcall.app.i18n.I18n;
import dev.roomcall.app.presentation.ScreenCall;
import dev.roomcall.server.ServerConfig;
import dev.roomcall.server.SignalingServer;
import dev.roomcall.signaling.RoomCode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
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

/**
 * The hostile-text corpus (shared with signaling-client's DisplayTextTest and the page's PageHardeningIT) sent by
 * the other person through a real call's chat: the app shows each message literally as the one rule says, as plain
 * text in a Label, within the bubble's width.
 */
@ExtendWith(ApplicationExtension.class)
class HostileChatTest {

    private static final Path CORPUS = Path.of("..", "signaling-client", "src", "test", "resources", "hostile-text.json");

    private SignalingServer server;
    private Stage stage;
    private StackPane root;
    private ScreenCall call;
    private CallScreen screen;
    private Peer peer;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        root = new StackPane();
        stage.setScene(new Scene(root, 1000, 640));
        stage.show();
    }

    @AfterEach
    void hangUp() throws Exception {
        fx(() -> {
            if (screen != null) {
                screen.closeNow();
            }
            return null;
        });
        if (peer != null) {
            peer.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void everyHostileMessageIsShownLiterallyAsPlainText() throws Exception {
        I18n.setLocale(Locale.ENGLISH);
        server = SignalingServer.start(ServerConfig.builder().host("127.0.0.1").port(0).build());
        String room = RoomCode.newRoomName();
        CallOptions options = new CallOptions(server.uri(), room, Role.AUTO, List.of(), false, null);
        fx(() -> {
            call = ScreenCall.start(TestEngine.get(), options, "http://127.0.0.1/#" + room, Platform::runLater);
            screen = new CallScreen(call, () -> { });
            root.getChildren().setAll(screen);
            return null;
        });
        peer = new Peer("hostile", server.uri(), room);
        peer.awaitChatOpen();
        awaitFx("chat available", () -> call.model().chat().available().get());

        int sent = 0;
        for (JsonElement element : JsonParser.parseString(Files.readString(CORPUS, StandardCharsets.UTF_8)).getAsJsonArray()) {
            JsonObject e = element.getAsJsonObject();
            if (!e.get("kind").getAsString().equals("CHAT")) {
                continue;
            }
            String prefix = e.has("prefix") ? e.get("prefix").getAsString().repeat(e.get("prefixRepeat").getAsInt()) : "";
            String unit = e.get("input").getAsString();
            String input = prefix + (e.has("repeat") ? unit.repeat(e.get("repeat").getAsInt()) : unit);
            String expected = e.has("expectedPrefixOnly") ? prefix
                    : e.has("expectedRepeat") ? e.get("expected").getAsString().repeat(e.get("expectedRepeat").getAsInt())
                    : e.get("expected").getAsString();
            if (expected.isEmpty()) {
                continue;
            }
            String name = e.get("name").getAsString();
            int before = fx(() -> shownTexts().size());
            assertTrue(peer.call.sendChat(input).isPresent(), name);
            sent++;
            awaitFx(name, () -> shownTexts().size() > before);
            List<String> shown = fx(() -> shownTexts());
            assertEquals(expected, shown.get(shown.size() - 1), name);
        }
        assertTrue(sent >= 20, "most of the corpus went through the chat: " + sent);
        fx(() -> {
            call.model().chat().setOpen(true);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        List<Label> labels = fx(() -> chatTexts(screen));
        assertFalse(labels.isEmpty());
        for (Label label : labels) {
            assertFalse(fx(label::isMnemonicParsing), "an underscore is not a mnemonic: " + label.getText());
            double width = fx(() -> label.getParent().getLayoutBounds().getWidth());
            assertTrue(width <= 261, "a bubble stays within its width: " + width);
        }
    }

    /** The chat lines shown, in order. */
    private List<String> shownTexts() {
        return chatTexts(screen).stream().map(Label::getText).toList();
    }

    private static List<Label> chatTexts(Node node) {
        List<Label> found = new ArrayList<>();
        if (node instanceof Label label && label.getStyleClass().contains("chat-text")) {
            found.add(label);
        }
        if (node instanceof javafx.scene.Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                found.addAll(chatTexts(child));
            }
        }
        return found;
    }

    private static <T> T fx(Callable<T> body) throws Exception {
        return WaitForAsyncUtils.asyncFx(body).get(10, TimeUnit.SECONDS);
    }

    private static void awaitFx(String what, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + Peer.WAIT.toNanos();
        while (!Boolean.TRUE.equals(fx(condition))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting for " + what);
            }
            Thread.sleep(50);
        }
    }
}
