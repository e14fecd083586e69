package dev.roomcall.app.e2e;

import dev.roomcall.testkit.NodeRelay;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.roomcall.server.ServerConfig;
import dev.roomcall.server.SignalingServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Roomcall calling pages and relays that were never written for it: the 004 demo's relay semantics
 * ("send to the other socket", no rooms, no presence) and the 004 demo's page code, which treats any
 * message it does not know as an SDP and would break on one.
 */
class DemoRelayCallIT {

    private static final Duration CALL = Duration.ofSeconds(60);

    @Test
    void appAsCallerReachesADemoPageWaitingOnTheRelay() throws Exception {
        try (NodeRelay relay = DemoRelay.start();
                BrowserPeer page = BrowserPeer.open("demo004-callee", relay.url("/"))) {
            try (AppProcess app = AppProcess.start("demo004-app-caller",
                    "--fake-media", "--role", "caller", "--server", relay.webSocketUrl(), "--room", "demo")) {
                RoomcallServerCallIT.assertBothSidesDecode(app, page);
                assertEquals(List.of(), errors(page), "the demo page never saw a message it could not handle");
                assertEquals("_offer", received(page).get(0), "the app's offer was the first thing the page heard");
                assertEquals(0, app.terminate(Duration.ofSeconds(15)));
                assertEquals(List.of(), errors(page), "not even when the app hung up (no bye on a plain relay)");
            }
        }
    }

    @Test
    void appAsCalleeAnswersADemoPageThatCalls() throws Exception {
        try (NodeRelay relay = DemoRelay.start();
                AppProcess app = AppProcess.start("demo004-app-callee",
                        "--fake-media", "--role", "callee", "--server", relay.webSocketUrl(), "--room", "demo")) {
            app.await("signaling-open", CALL);
            try (BrowserPeer page = BrowserPeer.open("demo004-caller", relay.url("/#true"))) {
                RoomcallServerCallIT.assertBothSidesDecode(app, page);
                assertEquals(List.of(), errors(page));
                assertEquals("_answer", received(page).get(0), "the app answered the page's offer");
            }
        }
    }

    @Test
    void theUnmodifiedDemoPageCallsTheAppThroughRoomcallsServerDefaultRoom() throws Exception {
        // The 004 page connects to the bare host with no room and no subprotocol: Roomcall's server puts it in
        // the default room and must never send it a presence message.
        try (NodeRelay pages = DemoRelay.start();
                // The demo pages come from NodeRelay's origin, which the server must allow.
                SignalingServer server = SignalingServer.start(ServerConfig.builder().host("127.0.0.1").port(0)
                        .allowedOrigins(List.of("http://127.0.0.1:" + pages.port())).build());
                AppProcess app = AppProcess.start("demo004-roomcall-server-app",
                        "--fake-media", "--role", "callee", "--server", server.uri().toString(), "--room", "default")) {
            app.await("joined", CALL);
            String signal = "ws://127.0.0.1:" + server.port();
            try (BrowserPeer page = BrowserPeer.open("demo004-roomcall-server-page", pages.url("/?signal=" + signal + "#true"))) {
                RoomcallServerCallIT.assertBothSidesDecode(app, page);
                assertEquals(List.of(), errors(page), "no extension message reached the plain page");
            }
        }
    }

    @Test
    void aDemoPageThatOfferedWhileAloneIsAnsweredByTheAppJoiningSecond() throws Exception {
        // The page (#true) offers on load, alone in Roomcall's default room: the server queues the offer. The app
        // joins second with --role auto, which on Roomcall's server would normally make it the offerer; joined's
        // "queued" count tells it an offer is waiting, so it answers instead of colliding with it.
        try (NodeRelay pages = DemoRelay.start();
                // The demo pages come from NodeRelay's origin, which the server must allow.
                SignalingServer server = SignalingServer.start(ServerConfig.builder().host("127.0.0.1").port(0)
                        .allowedOrigins(List.of("http://127.0.0.1:" + pages.port())).build())) {
            String signal = "ws://127.0.0.1:" + server.port();
            try (BrowserPeer page = BrowserPeer.open("demo004-queued-offer-page", pages.url("/?signal=" + signal + "#true"))) {
                page.awaitTrue("return pc.iceGatheringState === 'complete' && socket.bufferedAmount === 0;", CALL);
                try (AppProcess app = AppProcess.start("demo004-queued-offer-app",
                        "--fake-media", "--server", server.uri().toString(), "--room", "default")) {
                    RoomcallServerCallIT.assertBothSidesDecode(app, page);
                    assertEquals(List.of(), errors(page), "the page never saw a competing offer");
                    assertEquals("_answer", received(page).get(0), "the app answered the queued offer");
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> errors(BrowserPeer peer) {
        return (List<String>) peer.execute("return window.roomcall.errors();");
    }

    @SuppressWarnings("unchecked")
    private static List<String> received(BrowserPeer peer) {
        return (List<String>) peer.execute("return window.roomcall.received();");
    }
}
