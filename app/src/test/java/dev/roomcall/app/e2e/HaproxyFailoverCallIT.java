package dev.roomcall.app.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.signaling.RoomCode;
import dev.roomcall.testkit.ChromiumOptions;
import dev.roomcall.testkit.LoopbackHaproxy;
import dev.roomcall.testkit.NodeProcess;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged app and the browser page in a call through HAProxy (the checked-in config) in front of three
 * roomcall-server.jar nodes. Their node drains (SIGTERM: close 1012, both move at once), then the node they moved to
 * is killed (SIGKILL: both reconnect with back-off). Video keeps arriving on both sides the whole time, the app says
 * "signaling lost" but never that the call ended or the peer left, both end together on a live node, and the call
 * negotiates again through that node.
 */
class HaproxyFailoverCallIT {

    private static final Duration CALL = Duration.ofSeconds(60);
    private static final char[] TRUST_PASSWORD = "roomcall-test".toCharArray();
    /** The longest time either side may go without a new decoded frame while signaling fails over. */
    private static final Duration LONGEST_STALL = Duration.ofSeconds(5);

    private final List<NodeProcess> nodes = new ArrayList<>();
    private LoopbackHaproxy haproxy;
    private BrowserPeer page;
    private AppProcess app;
    private FrameWatch watch;

    @AfterEach
    void stopEverything() {
        if (watch != null) {
            watch.close();
        }
        if (app != null) {
            app.close();
        }
        if (page != null) {
            page.close();
        }
        if (haproxy != null) {
            haproxy.close();
        }
        nodes.forEach(NodeProcess::close);
    }

    @Test
    void theCallKeepsItsVideoThroughADrainAndAKillAndNegotiatesAgainOnTheSurvivor() throws Exception {
        Path jar = Path.of(System.getProperty("roomcall.server.jar", "../signaling-server/target/roomcall-server.jar"));
        Path config = Path.of(System.getProperty("roomcall.haproxy.cfg", "../packaging/server/haproxy.cfg"));
        Path work = Files.createDirectories(Path.of("target", "ha-call-it"));
        for (int i = 1; i <= 3; i++) {
            // Rooms of two, so the probe (a third page) is refused by the node that holds the call.
            nodes.add(NodeProcess.start(jar, "node" + i, freePort(), work, "--drain-notice", "2s", "--drain-timeout", "10s",
                    "--room-size", "2"));
        }
        haproxy = LoopbackHaproxy.start(config, work, freePort(), nodes);
        String room = RoomCode.newRoomName();
        String link = "https://127.0.0.1:" + haproxy.port + "/#" + room;
        ChromiumOptions trustHaproxy = ChromiumOptions.defaults()
                .withExtraArguments("--ignore-certificate-errors-spki-list=" + haproxy.spkiSha256());

        page = BrowserPeer.open("ha-page", link, trustHaproxy);
        page.awaitState("waiting", CALL);
        Path trust = haproxy.trustStoreFile(work.resolve("trust.p12"), TRUST_PASSWORD);
        app = AppProcess.startWithJvmOptions(List.of("-Djavax.net.ssl.trustStore=" + trust,
                        "-Djavax.net.ssl.trustStorePassword=" + new String(TRUST_PASSWORD), "-Djavax.net.ssl.trustStoreType=PKCS12"),
                "ha-app", "--fake-media", "--server", "wss://127.0.0.1:" + haproxy.port + "/", "--room", room);
        RoomcallServerCallIT.assertBothSidesDecode(app, page);
        watch = FrameWatch.start(app, page);

        NodeProcess drained = holder(room, nodes);
        drained.terminate();
        moveTogether(room, 1, trustHaproxy, link);
        assertEquals(143, drained.awaitExit(Duration.ofSeconds(20)), "the drained node exits once its members left");

        NodeProcess killed = holder(room, nodes.stream().filter(NodeProcess::isAlive).toList());
        long connectedBeforeKill = AppEventsSoFar.of(app, "connected").size();
        killed.kill();
        moveTogether(room, 2, trustHaproxy, link);
        NodeProcess survivor = holder(room, nodes.stream().filter(NodeProcess::isAlive).toList());
        assertTrue(survivor.isAlive(), survivor.name + " holds the room and is alive");

        // The peers negotiate again through the survivor (a fresh offer and answer) and the call is connected.
        awaitCount("connected", connectedBeforeKill + 1);
        long appFrames = watch.appFramesNow();
        app.await("stats", json -> json.get("framesDecoded").getAsLong() > appFrames + 30, CALL);
        page.awaitFramesDecoded(page.stats().framesDecoded() + 30, CALL);
        assertEquals("connected", page.state());

        FrameWatch.Result frames = watch.stop();
        System.out.println("frame watch: " + frames);
        assertTrue(frames.appLongestStall().compareTo(LONGEST_STALL) < 0, "the app's video stalled: " + frames);
        assertTrue(frames.pageLongestStall().compareTo(LONGEST_STALL) < 0, "the page's video stalled: " + frames);
        for (String never : List.of("ended", "peer-left", "error")) {
            assertEquals(0, AppEventsSoFar.of(app, never).size(),
                    "the app never said '" + never + "': " + AppEventsSoFar.of(app, never) + "\n" + app.logTail());
        }
    }

    /** After the room's node went away: the app lost signaling, rejoined, and both are together on a live node. */
    private void moveTogether(String room, int outage, ChromiumOptions trust, String link) throws Exception {
        awaitCount("signaling-lost", outage);
        awaitCount("joined", outage + 1);
        try (BrowserPeer third = BrowserPeer.open("ha-third-" + outage, link, trust)) {
            // Only a room with both of them in it is full.
            third.awaitState("room-full", CALL);
        }
    }

    private void awaitCount(String event, long count) throws InterruptedException {
        long deadline = System.nanoTime() + CALL.toNanos();
        while (AppEventsSoFar.of(app, event).size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("fewer than " + count + " '" + event + "' events\n" + app.logTail());
            }
            Thread.sleep(100);
        }
    }

    /** The node whose log shows members in the room now (joins minus leaves), from its own event log. */
    private static NodeProcess holder(String room, List<NodeProcess> candidates) throws IOException {
        String abbreviated = Pattern.quote(room.substring(0, 4) + "…");
        Pattern join = Pattern.compile("event=join room=" + abbreviated);
        Pattern leave = Pattern.compile("event=leave room=" + abbreviated);
        NodeProcess best = null;
        long most = 0;
        for (NodeProcess node : candidates) {
            String log = Files.readString(node.log);
            long present = count(join.matcher(log)) - count(leave.matcher(log));
            if (present > most) {
                most = present;
                best = node;
            }
        }
        if (best == null) {
            throw new AssertionError("no live node holds " + room);
        }
        return best;
    }

    private static long count(Matcher matcher) {
        long n = 0;
        while (matcher.find()) {
            n++;
        }
        return n;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
