package dev.roomcall.app.e2e;

import dev.roomcall.testkit.NodeRelay;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.server.ServerConfig;
import dev.roomcall.server.SignalingServer;
import dev.roomcall.signaling.Protocol;
import dev.roomcall.testkit.ChromiumOptions.Media;
import dev.roomcall.testkit.ChromiumOptions;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Roomcall's browser page (assets/web) on Roomcall's own server, browser to browser: the page the remote person
 * opens must work with nothing but a link, whatever they have plugged in, and with the plain demo pages too.
 */
class RoomcallPageIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final long FRAMES = 30;
    private static final Pattern GROUPED_CODE =
            Pattern.compile("[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{5}");

    /** Rooms of two: these are the 1:1 page's tests (GroupPageIT has the group room's). */
    private static SignalingServer startServer(int port) throws Exception {
        return SignalingServer.start(ServerConfig.builder().host("127.0.0.1").port(port).roomSize(2).build());
    }

    /** A server that also lets the demo pages, which NodeRelay serves from another origin, open WebSockets. */
    private static SignalingServer startServerFor(NodeRelay pages) throws Exception {
        return SignalingServer.start(ServerConfig.builder().host("127.0.0.1").port(0).roomSize(2)
                .allowedOrigins(List.of("http://127.0.0.1:" + pages.port())).build());
    }

    @Test
    void aLinkWithoutARoomMakesOneAndWhoeverOpensItsLinkIsInTheCallButAThirdPersonIsNot() throws Exception {
        try (SignalingServer server = startServer(0);
                BrowserPeer first = BrowserPeer.open("page-first", server.httpUri().toString())) {
            first.awaitState("waiting", TIMEOUT);
            String room = (String) first.execute("return window.roomcall.room();");
            String link = (String) first.execute("return location.href;");
            assertTrue(GROUPED_CODE.matcher(room).matches(), "a fresh 13-character room code, grouped: " + room);
            assertEquals(server.httpUri() + "#" + room, link, "the room is in the link to share");

            try (BrowserPeer second = BrowserPeer.open("page-second", link)) {
                BrowserStats seen = first.awaitFramesDecoded(FRAMES, TIMEOUT);
                second.awaitFramesDecoded(FRAMES, TIMEOUT);
                assertTrue(seen.audioBytesReceived() > 0, "sound arrives too: " + seen);
                first.awaitState("connected", TIMEOUT);
                second.awaitState("connected", TIMEOUT);

                try (BrowserPeer third = BrowserPeer.open("page-third", link)) {
                    third.awaitState("room-full", TIMEOUT);
                    assertEquals("This room is full", text(third, "status"));
                }
            }
        }
    }

    @Test
    void whenThePeerLeavesThePageWaitsAndTheNextPersonToJoinIsConnected() throws Exception {
        try (SignalingServer server = startServer(0);
                // However the code was typed, both end up in its canonical room.
                BrowserPeer stays = BrowserPeer.open("page-stays", server.httpUri() + "#7QF2 9XKD MN4PR")) {
            assertEquals("7qf2-9xkd-mn4pr", stays.execute("return window.roomcall.room();"));
            String link = server.httpUri() + "#7qf2-9xkd-mn4pr";
            try (BrowserPeer leaves = BrowserPeer.open("page-leaves", link)) {
                stays.awaitFramesDecoded(FRAMES, TIMEOUT);
            }
            stays.awaitState("peer-left", TIMEOUT);
            assertEquals("Peer left — waiting for someone to join…", text(stays, "status"));
            assertEquals(0, stays.stats().framesDecoded(), "the old call is gone");

            try (BrowserPeer next = BrowserPeer.open("page-next", link)) {
                stays.awaitFramesDecoded(FRAMES, TIMEOUT);
                next.awaitFramesDecoded(FRAMES, TIMEOUT);
            }
        }
    }

    @Test
    void someoneWhoBlocksCameraAndMicrophoneStillSeesAndHearsTheOtherPerson() throws Exception {
        try (SignalingServer server = startServer(0);
                BrowserPeer sends = BrowserPeer.open("page-sends", server.httpUri() + "#receive-only");
                BrowserPeer blocked = BrowserPeer.open("page-blocked", server.httpUri() + "#receive-only",
                        ChromiumOptions.defaults().withMedia(Media.DENIED))) {
            BrowserStats received = blocked.awaitFramesDecoded(FRAMES, TIMEOUT);
            assertTrue(received.audioBytesReceived() > 0, "sound arrives: " + received);
            assertEquals(0, received.framesSent(), "nothing is sent without a camera");
            assertEquals("Camera and microphone are blocked — the other person can’t see or hear you, "
                    + "but you can see and hear them.", text(blocked, "media-note"));
            sends.awaitState("connected", TIMEOUT);
        }
    }

    @Test
    void theCallGoesOnWhileTheServerIsDownAndBothPagesRejoinTheRoomWhenItIsBack() throws Exception {
        SignalingServer server = startServer(0);
        int port = server.port();
        String link = server.httpUri() + "#outage";
        try (BrowserPeer one = BrowserPeer.open("page-outage-one", link);
                BrowserPeer two = BrowserPeer.open("page-outage-two", link)) {
            one.awaitFramesDecoded(FRAMES, TIMEOUT);
            two.awaitFramesDecoded(FRAMES, TIMEOUT);

            server.close();
            one.awaitTrue("return !document.getElementById('signal-note').hidden;", TIMEOUT);
            long before = one.stats().framesDecoded();
            one.awaitFramesDecoded(before + FRAMES, TIMEOUT); // media is peer to peer: no server needed
            assertEquals("connected", one.state());

            server = startServer(port);
            // Each page retries on its own back-off (up to several seconds); a third person who arrives before
            // both are back would rightly take the free place, so wait until both have rejoined.
            String rejoined = "return !document.getElementById('signal-note').textContent.includes('Server unreachable');";
            one.awaitTrue(rejoined, TIMEOUT);
            two.awaitTrue(rejoined, TIMEOUT);
            try (BrowserPeer third = BrowserPeer.open("page-outage-third", link)) {
                third.awaitState("room-full", TIMEOUT); // both are back in the room
            }
            one.awaitFramesDecoded(FRAMES, TIMEOUT);
            two.awaitFramesDecoded(FRAMES, TIMEOUT);
        } finally {
            server.close();
        }
    }

    @Test
    void thePlainDemoPageCallsTheRoomcallPageAndHearsNothingItDoesNotUnderstand() throws Exception {
        try (NodeRelay pages = DemoRelay.start();
                SignalingServer server = startServerFor(pages);
                BrowserPeer roomcall = BrowserPeer.open("page-with-demo-callee", server.httpUri() + "#with-demo")) {
            roomcall.awaitState("waiting", TIMEOUT);
            try (BrowserPeer demo = BrowserPeer.open("demo004-caller", pages.url("/?signal=" + server.uri() + "with-demo#true"))) {
                demo.awaitFramesDecoded(FRAMES, TIMEOUT);
                roomcall.awaitFramesDecoded(FRAMES, TIMEOUT);
                assertEquals(List.of(), demo.execute("return window.roomcall.errors();"));
                assertDemoHeardOnlyDemoMessages(demo);
            }
        }
    }

    @Test
    void theRoomcallPageCallsAPlainDemoPageThatIsAlreadyWaiting() throws Exception {
        try (NodeRelay pages = DemoRelay.start();
                SignalingServer server = startServerFor(pages);
                BrowserPeer demo = BrowserPeer.open("demo004-callee", pages.url("/?signal=" + server.uri() + "demo-first"))) {
            try (BrowserPeer roomcall = BrowserPeer.open("page-with-demo-caller", server.httpUri() + "#demo-first")) {
                demo.awaitFramesDecoded(FRAMES, TIMEOUT);
                roomcall.awaitFramesDecoded(FRAMES, TIMEOUT);
                assertEquals(List.of(), demo.execute("return window.roomcall.errors();"));
                assertDemoHeardOnlyDemoMessages(demo);
            }
        }
    }

    @Test
    void nonsenseFromAPeerIsLoggedAndIgnoredAndTheNextRealPersonStillGetsThrough() throws Exception {
        try (SignalingServer server = startServer(0);
                BrowserPeer page = BrowserPeer.open("page-hears-nonsense", server.httpUri() + "#nonsense")) {
            page.awaitState("waiting", TIMEOUT);
            WebSocket confused = HttpClient.newHttpClient().newWebSocketBuilder()
                    .subprotocols(Protocol.SUBPROTOCOL)
                    .buildAsync(server.uri().resolve("nonsense"), new WebSocket.Listener() {})
                    .get(10, TimeUnit.SECONDS);
            page.awaitState("connecting", TIMEOUT); // it heard peer-joined and waits for an offer
            // Well-formed enough for the server to relay, meaningless to a browser.
            confused.sendText("{\"event\":\"_answer\",\"data\":{\"sdp\":{\"type\":\"answer\",\"sdp\":\"v=0 nonsense\"}}}", true).join();
            confused.sendText("{\"event\":\"_offer\",\"data\":{\"sdp\":{\"type\":\"offer\",\"sdp\":\"not an sdp\"}}}", true).join();
            confused.sendBinary(ByteBuffer.wrap(("{\"candidate\":{\"candidate\":\"candidate:0 1 UDP 1 10.0.0.1 9 typ host\","
                    + "\"sdpMid\":\"7\",\"sdpMLineIndex\":7}}").getBytes(StandardCharsets.UTF_8)), true).join();
            awaitConsole(page, "Roomcall: handling description failed");
            confused.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
            page.awaitState("peer-left", TIMEOUT);

            try (BrowserPeer real = BrowserPeer.open("page-after-nonsense", server.httpUri() + "#nonsense")) {
                page.awaitFramesDecoded(FRAMES, TIMEOUT);
                real.awaitFramesDecoded(FRAMES, TIMEOUT);
            }
        }
    }

    private static void awaitConsole(BrowserPeer peer, String fragment) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (peer.consoleLog().stream().noneMatch(line -> line.contains(fragment))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(peer.name() + ": the console never said '" + fragment + "': " + peer.consoleLog());
            }
            Thread.sleep(100);
        }
    }

    private static void assertDemoHeardOnlyDemoMessages(BrowserPeer demo) {
        @SuppressWarnings("unchecked")
        List<String> events = (List<String>) demo.execute("return window.roomcall.received();");
        assertTrue(events.stream().allMatch(e -> e.equals("_offer") || e.equals("_answer") || e.equals("_ice_candidate")),
                "the demo page got only the demo's own events: " + events);
    }

    private static String text(BrowserPeer peer, String id) {
        return (String) peer.execute("return document.getElementById(arguments[0]).textContent;", id);
    }
}
