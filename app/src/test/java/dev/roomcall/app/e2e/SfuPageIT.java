package dev.roomcall.app.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.roomcall.server.ServerConfig;
import dev.roomcall.server.SignalingServer;
import dev.roomcall.server.sfu.SfuSettings;
import dev.roomcall.signaling.RoomCode;
import dev.roomcall.signaling.janus.JanusConnection;
import dev.roomcall.signaling.janus.JanusSession;
import dev.roomcall.signaling.janus.VideoRoomAdmin;
import dev.roomcall.testkit.ChromiumOptions;
import dev.roomcall.testkit.Janus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;

/**
 * The app and three Roomcall pages in a room hosted on Debian's Janus from its first member (the server with
 * {@code --sfu-from 0}): everyone decodes everyone through it; one page leaves and the others go on; Janus killed
 * mid-call is said by the app and the pages within 5 s and the call comes back with it; when the last one leaves,
 * Roomcall's server destroys the room on Janus. Small browser windows: two cores for the app, three browsers and Janus.
 */
class SfuPageIT {

    private static final Path DEPLOYMENT = Path.of(System.getProperty("roomcall.janus.config", "../packaging/server/janus"));
    private static final String KEY = "sfu-page-it";
    private static final Duration TIMEOUT = GroupDecoding.TIMEOUT;
    private static final Duration TOLD_WITHIN = Duration.ofSeconds(5);
    private static final ChromiumOptions SMALL = ChromiumOptions.defaults().withWindowSize(480, 360);

    @Test
    void theAppAndThreePagesSeeEachOtherThroughJanusAndComeBackWhenItDoes() throws Exception {
        Path work = Path.of("target", "sfu-page-it");
        Janus janus = Janus.start(DEPLOYMENT, work, KEY);
        String room = RoomCode.newRoomName();
        try (SignalingServer server = SignalingServer.start(ServerConfig.builder().host("127.0.0.1").port(0)
                .sfu(new SfuSettings(janus.uri(), null, KEY, 0, 6, 300_000)).build())) {
            String base = server.httpUri().toString();
            long videoroom;
            try (BrowserPeer ann = open("sfu-ann", base, "Ann", room);
                    BrowserPeer bea = open("sfu-bea", base, "Bea", room);
                    AppProcess app = AppProcess.start("sfu-app", "--fake-media", "--name", "Mia",
                            "--server", server.uri().toString(), "--room", room)) {
                videoroom = app.await("moved-to-sfu", TIMEOUT).get("videoroom").getAsLong();
                Map<String, Long> annSees;
                Map<String, Long> beaSees;
                try (BrowserPeer cy = open("sfu-cy", base, "Cy", room)) {
                    annSees = GroupDecoding.page(ann, Set.of("Mia", "Bea", "Cy"), Map.of());
                    beaSees = GroupDecoding.page(bea, Set.of("Mia", "Ann", "Cy"), Map.of());
                    GroupDecoding.page(cy, Set.of("Mia", "Ann", "Bea"), Map.of());
                    awaitPicturesFrom(app, 3);
                    // The app's stats line names each page's person, with frames from each rising, as in the mesh.
                    PeopleStats.awaitRisingFrom(app, List.of("Ann", "Bea", "Cy"), TIMEOUT);
                    for (BrowserPeer page : List.of(ann, bea, cy)) {
                        assertEquals("up", page.execute("return window.roomcall.mediaServer();"));
                    }
                }
                // Cy left: the app hears it, Ann and Bea keep decoding the others.
                app.await("peer-left", json -> "Cy".equals(json.get("name").getAsString()), TIMEOUT);
                annSees = GroupDecoding.page(ann, Set.of("Mia", "Bea"), annSees);
                beaSees = GroupDecoding.page(bea, Set.of("Mia", "Ann"), beaSees);
                PeopleStats.awaitRisingFrom(app, List.of("Ann", "Bea"), TIMEOUT);

                // Janus dies: everyone is told within 5 s, and nobody shows a picture as if it were live.
                int port = janus.port();
                long killed = System.nanoTime();
                janus.kill();
                app.await("media-server-lost", TIMEOUT);
                assertTrue(Duration.ofNanos(System.nanoTime() - killed).compareTo(TOLD_WITHIN) < 0, "the app was told late");
                for (BrowserPeer page : List.of(ann, bea)) {
                    page.awaitTrue("return window.roomcall.mediaServer() === 'lost';", TOLD_WITHIN);
                }
                assertTrue(Duration.ofNanos(System.nanoTime() - killed).compareTo(TOLD_WITHIN.plusSeconds(1)) < 0,
                        "the pages were told late");
                janus.close();
                janus = Janus.start(DEPLOYMENT, work, KEY, port);
                app.await("media-server-back", TIMEOUT);
                for (BrowserPeer page : List.of(ann, bea)) {
                    page.awaitTrue("return window.roomcall.mediaServer() === 'up';", TIMEOUT);
                }
                GroupDecoding.page(ann, Set.of("Mia", "Bea"), annSees);
                GroupDecoding.page(bea, Set.of("Mia", "Ann"), beaSees);
                assertEquals(0, AppEventsSoFar.of(app, "ended").size(), "the call went on: " + app.logTail());
            }
            awaitDestroyed(janus, videoroom);
        } finally {
            janus.close();
        }
    }

    private static void awaitPicturesFrom(AppProcess app, int people) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (SfuCallIT.picturesAfter(app.eventsSoFar(), "moved-to-sfu").size() < people) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("pictures only from " + SfuCallIT.picturesAfter(app.eventsSoFar(), "moved-to-sfu")
                        + "\n" + app.logTail());
            }
            Thread.sleep(200);
        }
        JsonObject stats = app.await("sfu-stats", json -> json.get("framesDecoded").getAsLong() > 30, TIMEOUT);
        assertTrue(stats.get("bytesSent").getAsLong() > 0, stats.toString());
    }

    /** Roomcall's server destroys the VideoRoom once the room is empty. */
    private static void awaitDestroyed(Janus janus, long videoroom) throws Exception {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try (JanusConnection connection = JanusConnection.open(janus.uri(), Duration.ofSeconds(5), event -> { });
             JanusSession session = JanusSession.create(connection, timer)) {
            VideoRoomAdmin admin = new VideoRoomAdmin(session, KEY);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (admin.exists(videoroom)) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("videoroom " + videoroom + " still exists on Janus after everyone left");
                }
                Thread.sleep(200);
            }
        } finally {
            timer.shutdownNow();
        }
    }

    private static BrowserPeer open(String name, String base, String person, String room) {
        return BrowserPeer.open(name, base + "?name=" + person + "#" + room, SMALL);
    }
}
