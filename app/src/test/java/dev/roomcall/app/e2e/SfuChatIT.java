package dev.roomcall.app.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.app.call.CallController;
import dev.roomcall.app.call.CallEvent;
import dev.roomcall.app.call.CallOptions;
import dev.roomcall.app.call.Role;
import dev.roomcall.app.call.TestEngine;
import dev.roomcall.media.MediaEngine;
import dev.roomcall.server.ServerConfig;
import dev.roomcall.server.SignalingServer;
import dev.roomcall.server.sfu.SfuSettings;
import dev.roomcall.signaling.RoomCode;
import dev.roomcall.testkit.ChromiumOptions;
import dev.roomcall.testkit.Janus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Chat in a room on Debian's Janus (protocol §14): the app and a page each send their lines on a data channel of
 * their publication, Janus relays them to everyone subscribed on a channel named by the sender's feed, and the
 * receiver shows each line as that feed's member's. Both ways, text stays text.
 */
class SfuChatIT {

    private static final Path DEPLOYMENT = Path.of(System.getProperty("roomcall.janus.config", "../packaging/server/janus"));
    private static final String KEY = "sfu-chat-it";
    private static final Duration WAIT = Duration.ofSeconds(60);

    @AfterAll
    static void closeTheEngine() {
        TestEngine.closeIfOpen();
    }

    @Test
    void theAppAndAPageChatBothWaysThroughJanus() throws Exception {
        Janus janus = Janus.start(DEPLOYMENT, Path.of("target", "sfu-chat-it"), KEY);
        String room = RoomCode.newRoomName();
        ChatRecorder app = new ChatRecorder();
        // The ITs share one JVM and libwebrtc allows one engine in it: the shared test engine, closed after the class.
        MediaEngine engine = TestEngine.get();
        try (SignalingServer server = SignalingServer.start(ServerConfig.builder().host("127.0.0.1").port(0)
                        .sfu(new SfuSettings(janus.uri(), null, KEY, 0, 6, 300_000)).build());
                BrowserPeer page = BrowserPeer.open("sfu-chat-page", server.httpUri() + "?name=Ann#" + room,
                        ChromiumOptions.defaults().withWindowSize(480, 360))) {
            page.awaitTrue("return window.roomcall.mediaServer() === 'up' && window.roomcall.chatOpen();", WAIT);
            String ann = (String) page.execute("return window.roomcall.id();");
            try (CallController call = CallController.start(new CallOptions(server.uri(), room, Role.AUTO, List.of(),
                    false, null, "Mia"), engine, app)) {
                await("the app sees Ann through Janus with its chat open", () -> app.chatOpen && app.events.stream()
                        .anyMatch(e -> e instanceof CallEvent.FirstRemoteVideo v && v.peer().value().equals(ann)), app);
                page.awaitTrue("return window.roomcall.stats().then((s) => s.framesDecoded > 10);", WAIT);

                // Until both subscriptions carry data, a line may be early: the page says it once it went.
                String fromPage = "Hi Mia, <b>bold</b>?";
                await("the app hears Ann's line as Ann's", () -> {
                    if (!app.chatLines().contains(ann + ": " + fromPage)) {
                        page.execute("window.roomcall.sendChat(arguments[0]);", fromPage);
                        sleep(500);
                    }
                    return app.chatLines().contains(ann + ": " + fromPage);
                }, app);

                String fromApp = "Hello Ann <img src=x onerror=alert(1)>";
                assertTrue(call.sendChat(fromApp).isPresent(), "the app's chat is open through Janus");
                page.awaitTrue("return window.roomcall.chatLines().some((l) => l.from === 'peer' && l.name === 'Mia'"
                        + " && l.text === 'Hello Ann <img src=x onerror=alert(1)>');", WAIT);
                assertEquals(0L, page.execute("return document.querySelectorAll('#chat-lines img').length;"),
                        "shown as text, never as markup");

                // Hostile text is bounded on the way, as in the mesh: no bidi override reaches the app.
                page.execute("window.roomcall.sendChat('\\u202eevil\\u202c twin');");
                await("the app bounds hostile text as the mesh does", () -> app.chatLines().stream()
                        .anyMatch(line -> line.startsWith(ann + ": ") && line.contains("evil") && !line.contains("\u202e")), app);
            }
        } finally {
            janus.close();
        }
    }

    private static void await(String what, BooleanSupplier condition, ChatRecorder app) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": heard " + app.chatLines() + ", events "
                        + app.events.stream().filter(e -> !(e instanceof CallEvent.SfuStats) && !(e instanceof CallEvent.Stats)).toList());
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
