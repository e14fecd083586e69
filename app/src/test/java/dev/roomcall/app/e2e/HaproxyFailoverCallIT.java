package dev.roomcall.app.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.signaling.RoomCode;
import dev.roomcall.testkit.ChromiumOptions;
import dev.roomcall.testkit.LoopbackHaproxy;
import dev.roomcall.testkit.NodeCluster;
import dev.roomcall.testkit.NodeProcess;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The packaged app and the browser page in a call through HAProxy (the checked-in config) in front of three
 * roomcall-server.jar nodes. Their node drains (SIGTERM: close 1012, both move at once), then the node they moved to
 * is killed (SIGKILL: both reconnect with back-off). Both rejoin under their member ids (member tokens), so the call
 * keeps its one peer connection: video keeps arriving on both sides the whole time and neither counter starts over,
 * the app says "signaling lost" but never that the call ended, the peer left or someone joined, both end together on
 * a live node, and renegotiations (the page shares its screen, restarts ICE, stops sharing) go through that node; then
 * the page switches to its second camera (replaceTrack: no renegotiation) and the app decodes that camera's picture.
 */
class HaproxyFailoverCallIT {

    private static final Duration CALL = Duration.ofSeconds(60);
    private static final char[] TRUST_PASSWORD = "roomcall-test".toCharArray();
    /**
     * The longest time either side may go without a new decoded frame while signaling fails over (the app reports its
     * statistics once a second, which is the resolution of its measure; the page is sampled every 250 ms).
     */
    private static final Duration LONGEST_STALL = Duration.ofSeconds(3);
    /** The page's second camera is asked for at a size unlike the first's 640x480, so the app can tell them apart. */
    private static final int SECOND_CAMERA = 2;
    private static final String SECOND_CAMERA_LABEL = "fake_device_2";
    private static final int SECOND_CAMERA_WIDTH = 320;
    private static final int SECOND_CAMERA_HEIGHT = 180;

    private NodeCluster cluster;
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
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void theCallKeepsItsPeerConnectionThroughADrainAndAKillAndRenegotiatesThroughTheSurvivor() throws Exception {
        // Rooms of two, so the probe (a third page) is refused by the node that holds the call.
        cluster = NodeCluster.start(NodeCluster.Parts.fromProperties("../signaling-server/target/roomcall-server.jar",
                "../packaging/server/haproxy.cfg"), Path.of("target", "ha-call-it"), 3, "--room-size", "2",
                "--drain-notice", "2s", "--drain-timeout", "10s");
        LoopbackHaproxy haproxy = cluster.haproxy();
        Path work = cluster.work();
        String room = RoomCode.newRoomName();
        String link = "https://127.0.0.1:" + haproxy.port + "/#" + room;
        ChromiumOptions trustHaproxy = ChromiumOptions.defaults()
                .withExtraArguments("--ignore-certificate-errors-spki-list=" + haproxy.spkiSha256());

        // The page can share its screen later (Chromium picks the whole screen itself): a renegotiation after failover.
        // It has two colour cameras (and a depth camera, see ChromiumOptions#cameras), to switch cameras after failover.
        page = BrowserPeer.open("ha-page", link, trustHaproxy.withWindowSize(800, 600).withCameras(3)
                .withExtraArguments("--auto-select-desktop-capture-source=Entire screen"));
        page.awaitState("waiting", CALL);
        Path trust = haproxy.trustStoreFile(work.resolve("trust.p12"), TRUST_PASSWORD);
        app = AppProcess.startWithJvmOptions(List.of("-Djavax.net.ssl.trustStore=" + trust,
                        "-Djavax.net.ssl.trustStorePassword=" + new String(TRUST_PASSWORD), "-Djavax.net.ssl.trustStoreType=PKCS12"),
                "ha-app", "--fake-media", "--server", "wss://127.0.0.1:" + haproxy.port + "/", "--room", room);
        RoomcallServerCallIT.assertBothSidesDecode(app, page);
        String pageId = (String) page.execute("return window.roomcall.id();");
        assertEquals(1L, connectionsMade(), "the page made its one peer connection with the app");
        watch = FrameWatch.start(app, page);

        NodeProcess drained = holder(room, cluster.nodes());
        drained.terminate();
        moveTogether(room, 1, trustHaproxy, link);
        assertEquals(143, drained.awaitExit(Duration.ofSeconds(20)), "the drained node exits once its members left");
        assertSameCall(pageId, "after the drain");

        NodeProcess killed = holder(room, cluster.alive());
        killed.kill();
        moveTogether(room, 2, trustHaproxy, link);
        NodeProcess survivor = holder(room, cluster.alive());
        assertTrue(survivor.isAlive(), survivor.name + " holds the room and is alive");
        assertSameCall(pageId, "after the kill");

        // Through both moves: pictures kept coming on both sides, from the same connection (no counter started over).
        long appFrames = watch.appFramesNow();
        app.await("stats", json -> json.get("framesDecoded").getAsLong() > appFrames + 30, CALL);
        page.awaitFramesDecoded(page.stats().framesDecoded() + 30, CALL);
        FrameWatch.Result frames = watch.stop();
        System.out.println("frame watch: " + frames);
        assertEquals(0, frames.appRestarts(), "the app's counter never started over (no new connection): " + frames);
        assertEquals(0, frames.pageRestarts(), "the page's counter never started over (no new connection): " + frames);
        assertTrue(frames.appLongestStall().compareTo(LONGEST_STALL) < 0, "the app's video stalled: " + frames);
        assertTrue(frames.pageLongestStall().compareTo(LONGEST_STALL) < 0, "the page's video stalled: " + frames);

        // A renegotiation through the survivor, the only node left with the room: the page shares its screen (a new
        // video section: offer and answer), and the app receives and decodes it beside the camera.
        page.driver().findElement(By.id("toggle-share")).click();
        JsonObject shared = app.await("remote-share-started", CALL);
        assertTrue(shared.get("width").getAsInt() > 0, shared.toString());
        long screen = app.await("stats", json -> json.get("remoteScreenFramesDecoded").getAsLong() > 5, CALL)
                .get("remoteScreenFramesDecoded").getAsLong();
        app.await("stats", json -> json.get("remoteScreenFramesDecoded").getAsLong() > screen + 5, CALL);
        assertEquals("connected", page.state());
        assertSameCall(pageId, "after renegotiating");

        // An ICE restart through the survivor: the page asks for new ICE credentials on the same connection, the app
        // answers it there, and the call goes on with both pictures.
        String ufrag = (String) page.execute("return window.roomcall.peers()[0].iceUfrag;");
        long negotiations = ((Number) page.execute("return window.roomcall.peers()[0].negotiations;")).longValue();
        page.execute("window.roomcall.restartIce();");
        page.awaitTrue("const p = window.roomcall.peers()[0]; return p.negotiations > " + negotiations
                + " && p.iceUfrag !== null && p.iceUfrag !== '" + ufrag + "' && p.connectionState === 'connected';", CALL);
        long appAfterRestart = watchedAppFrames();
        app.await("stats", json -> json.get("framesDecoded").getAsLong() > appAfterRestart + 30, CALL);
        page.awaitFramesDecoded(page.stats().framesDecoded() + 30, CALL);
        assertSameCall(pageId, "after an ICE restart");

        // The share ends first (one more renegotiation through the survivor), so that the app's decoded frames are
        // the camera's alone while the camera is switched.
        long negotiationsSharing = negotiations();
        page.execute("window.roomcall.stopSharing();");
        app.await("remote-share-stopped", CALL);
        page.awaitTrue("const p = window.roomcall.peers()[0]; return p.negotiations > " + negotiationsSharing
                + " && p.connectionState === 'connected';", CALL);
        long appAfterShare = watchedAppFrames();
        app.await("stats", json -> json.get("framesDecoded").getAsLong() > appAfterShare + 30, CALL);

        // A camera switch after failover: the page puts its second camera (asked for at a size of its own, as both
        // fake cameras look alike) on the same sender with replaceTrack. The app keeps decoding, now that camera's
        // picture, on the one connection, and nothing was negotiated for it.
        long negotiationsBefore = negotiations();
        long appBeforeSwitch = watchedAppFrames();
        watch.close();
        watch = FrameWatch.start(app, page);
        Map<String, Object> second = PageCameraSwitchIT.switchCamera(page, SECOND_CAMERA, SECOND_CAMERA_WIDTH,
                SECOND_CAMERA_HEIGHT);
        assertEquals(SECOND_CAMERA_LABEL, second.get("label"), second.toString());
        JsonObject switched = app.await("stats", json -> cameraSize(json).equals(List.of(SECOND_CAMERA_WIDTH,
                SECOND_CAMERA_HEIGHT)), CALL);
        long appAfterSwitch = switched.get("framesDecoded").getAsLong();
        assertTrue(appAfterSwitch > appBeforeSwitch, "the app decoded on through the switch: " + switched);
        app.await("stats", json -> json.get("framesDecoded").getAsLong() > appAfterSwitch + 30
                && cameraSize(json).equals(List.of(SECOND_CAMERA_WIDTH, SECOND_CAMERA_HEIGHT)), CALL);
        FrameWatch.Result throughSwitch = watch.stop();
        System.out.println("frame watch through the camera switch: " + throughSwitch);
        assertEquals(0, throughSwitch.appRestarts(), "the app's counter never started over: " + throughSwitch);
        assertTrue(throughSwitch.appLongestStall().compareTo(LONGEST_STALL) < 0,
                "the app's video stalled at the switch: " + throughSwitch);
        assertEquals(negotiationsBefore, negotiations(), "a camera switch renegotiates nothing (replaceTrack)");
        assertEquals(SECOND_CAMERA_LABEL, page.execute("return window.roomcall.peers()[0].sendingCamera;"));
        assertSameCall(pageId, "after a camera switch");
        for (String never : List.of("ended", "peer-left", "peer-joined", "error")) {
            assertEquals(0, AppEventsSoFar.of(app, never).size(),
                    "the app never said '" + never + "': " + AppEventsSoFar.of(app, never) + "\n" + app.logTail());
        }
    }

    /**
     * The call is the one it was: the page still has the member id it started with and has made no other peer
     * connection, and the app's one session connected once (it reported no second connection).
     */
    private void assertSameCall(String pageId, String when) throws InterruptedException {
        assertEquals(pageId, page.execute("return window.roomcall.id();"), "the page's member id " + when);
        assertEquals(1L, connectionsMade(), "the page's peer connection " + when);
        assertEquals(1, AppEventsSoFar.of(app, "connected").size(), "the app connected once " + when
                + ": " + AppEventsSoFar.of(app, "connected"));
    }

    /** The size of the page's camera as the app decodes it, from a stats line's one person. */
    private static List<Integer> cameraSize(JsonObject stats) {
        JsonObject person = stats.getAsJsonArray("peers").get(0).getAsJsonObject();
        return List.of(person.get("cameraWidth").getAsInt(), person.get("cameraHeight").getAsInt());
    }

    /** The app's newest decoded-frame count from its stats events. */
    private long watchedAppFrames() throws InterruptedException {
        long latest = 0;
        for (JsonObject stats : AppEventsSoFar.of(app, "stats")) {
            latest = Math.max(latest, stats.get("framesDecoded").getAsLong());
        }
        return latest;
    }

    /** Offer/answer exchanges completed on the page's one peer connection. */
    private long negotiations() {
        return ((Number) page.execute("return window.roomcall.peers()[0].negotiations;")).longValue();
    }

    private long connectionsMade() {
        return ((Number) page.execute("return window.roomcall.connectionsMade();")).longValue();
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
}
