package dev.roomcall.app.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.app.call.CallController;
import dev.roomcall.app.call.CallEvent;
import dev.roomcall.app.call.CallOptions;
import dev.roomcall.app.call.Role;
import dev.roomcall.media.MediaEngine;
import dev.roomcall.media.MediaOptions;
import dev.roomcall.media.session.PeerMessage;
import dev.roomcall.server.ServerConfig;
import dev.roomcall.server.SignalingServer;
import dev.roomcall.signaling.RoomCode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Chat and "muted" over the data channel between the browser page and the app's call model, and between two
 * pages: whichever side offers creates the "chat" channel and the other adopts it; text stays text.
 */
class BrowserChatIT {

    private static final Duration WAIT = Duration.ofSeconds(45);
    private static MediaEngine engine;

    private static synchronized MediaEngine engine() {
        if (engine == null) {
            engine = MediaEngine.start(MediaOptions.defaults().withFakeMedia(true).withResolution(320, 240).withFps(15));
        }
        return engine;
    }

    @AfterAll
    static void closeEngine() {
        if (engine != null) {
            engine.close();
        }
    }

    /** The app side: a call controller recording what the browser sent. */
    private static final class AppSide extends ChatRecorder {

        PeerMessage await(Predicate<PeerMessage> matches) throws InterruptedException {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                for (PeerMessage m : heard.stream().map(Heard::message).toList()) {
                    if (matches.test(m)) {
                        return m;
                    }
                }
                TimeUnit.MILLISECONDS.sleep(100);
            }
            throw new AssertionError("the app never received it; got " + heard + ", events " + events);
        }
    }

    @Test
    void whenThePageOffersItsChatChannelReachesTheAppAndBothWaysWork() throws Exception {
        String room = RoomCode.newRoomName();
        AppSide app = new AppSide();
        try (SignalingServer server = SignalingServer.start(ServerConfig.builder().host("127.0.0.1").port(0).build());
                CallController call = CallController.start(new CallOptions(server.uri(), room, Role.AUTO, List.of(), false, null),
                        engine(), app)) {
            while (app.events.stream().noneMatch(e -> e instanceof CallEvent.Joined)) {
                TimeUnit.MILLISECONDS.sleep(50);
            }
            try (BrowserPeer page = BrowserPeer.open("chat-page-offers", server.httpUri() + "#" + room)) {
                page.awaitTrue("return window.roomcall.chatOpen();", WAIT);
                // On open the page says its microphone and camera are on.
                app.await(m -> m.equals(new PeerMessage.MediaState(true, true)));

                assertEquals(Boolean.TRUE, page.execute("return window.roomcall.sendChat('Hi app, <b>bold</b>?');"));
                app.await(m -> m.equals(new PeerMessage.Chat("Hi app, <b>bold</b>?", false)));

                assertTrue(call.sendChat("Hello page <img src=x onerror=alert(1)>").isPresent());
                page.awaitTrue("return window.roomcall.chatLines().some(l => l.from === 'peer'"
                        + " && l.text === 'Hello page <img src=x onerror=alert(1)>');", WAIT);
                assertEquals(0L, page.execute("return document.querySelectorAll('#chat-lines img').length;"),
                        "shown as text, never as markup");
                assertEquals(1L, page.execute("return window.roomcall.unread();"), "the badge counts it while the chat is closed");
                assertEquals("1", page.execute("return document.getElementById('chat-badge').textContent;"));

                page.execute("document.getElementById('toggle-mic').click();");
                app.await(m -> m.equals(new PeerMessage.MediaState(false, true)));

                call.setMicrophoneEnabled(false);
                page.awaitTrue("return window.roomcall.remoteMedia().microphone === false"
                        + " && !document.getElementById('remote-muted').hidden;", WAIT);
                call.setMicrophoneEnabled(true);
                page.awaitTrue("return document.getElementById('remote-muted').hidden;", WAIT);
            }
        }
    }

    @Test
    void twoPagesChatAndATooLongMessageIsShortenedWithANote() throws Exception {
        String room = RoomCode.newRoomName();
        try (SignalingServer server = SignalingServer.start(ServerConfig.builder().host("127.0.0.1").port(0).build());
                BrowserPeer first = BrowserPeer.open("chat-first", server.httpUri() + "#" + room)) {
            first.awaitState("waiting", WAIT);
            try (BrowserPeer second = BrowserPeer.open("chat-second", server.httpUri() + "#" + room)) {
                first.awaitTrue("return window.roomcall.chatOpen();", WAIT);
                second.awaitTrue("return window.roomcall.chatOpen();", WAIT);

                first.execute("document.getElementById('toggle-chat').click();"
                        + "const input = document.getElementById('chat-input');"
                        + "input.value = 'x'.repeat(1200);"
                        + "document.getElementById('chat-form').requestSubmit();");
                second.awaitTrue("return window.roomcall.chatLines().some(l => l.from === 'peer' && l.text.length === 1000"
                        + " && l.shortened);", WAIT);
                first.awaitTrue("return window.roomcall.chatLines().some(l => l.from === 'note'"
                        + " && l.text.includes('shortened'));", WAIT);
                assertEquals("", first.execute("return document.getElementById('chat-input').value;"), "sent and cleared");

                second.execute("window.roomcall.sendChat('line one\\nline two');");
                first.awaitTrue("return window.roomcall.chatLines().some(l => l.text === 'line one\\nline two');", WAIT);
                assertEquals(0L, first.execute("return window.roomcall.unread();"), "read: the chat is open");
            }
            first.awaitTrue("return window.roomcall.chatLines().some(l => l.from === 'note'"
                    + " && l.text === 'The other person left the chat.');", WAIT);
        }
    }
}
