package dev.roomcall.app.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.roomcall.server.ServerConfig;
import dev.roomcall.server.SignalingServer;
import dev.roomcall.server.sfu.SfuSettings;
import dev.roomcall.signaling.RoomCode;
import dev.roomcall.testkit.Janus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Three headless apps in a room that outgrows the mesh (Roomcall's server with Debian's Janus, {@code --sfu-from 2}):
 * two start as a mesh, the third's arrival moves the room to Janus, and each app decodes both others through it and
 * reports them person by person in its {@code stats} lines, as in the mesh. Janus killed mid-call: every app says so within 5 s and gets its pictures back once Janus (and the room, which
 * Roomcall's server makes again) is back.
 */
class SfuCallIT {

    private static final Path DEPLOYMENT = Path.of(System.getProperty("roomcall.janus.config", "../packaging/server/janus"));
    private static final String KEY = "sfu-call-it";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** The bound for saying the media server is gone. */
    private static final Duration TOLD_WITHIN = Duration.ofSeconds(5);
    /**
     * Moving to Janus makes new connections (publish, subscribe), so pictures stop for a moment: they are back from
     * both others within this (1.0-1.5 s on the 2-core test machine).
     */
    private static final Duration VIDEO_BACK_WITHIN = Duration.ofSeconds(10);

    @Test
    void aRoomThatGrowsPastTheMeshMovesToJanusAndComesBackAfterJanusDies() throws Exception {
        Path work = Path.of("target", "sfu-call-it");
        Janus janus = Janus.start(DEPLOYMENT, work, KEY);
        List<AppProcess> apps = new ArrayList<>();
        try (SignalingServer server = SignalingServer.start(ServerConfig.builder().host("127.0.0.1").port(0)
                .sfu(new SfuSettings(janus.uri(), null, KEY, 2, 6, 300_000)).build())) {
            String room = RoomCode.newRoomName();
            for (String name : List.of("Ann", "Bob", "Cy")) {
                apps.add(AppProcess.start("sfu-" + name, "--fake-media", "--name", name, "--server",
                        server.uri().toString(), "--room", room));
            }
            for (AppProcess app : apps) {
                app.await("moved-to-sfu", TIMEOUT);
            }
            for (AppProcess app : apps) {
                awaitPicturesAfter(app, "moved-to-sfu");
                Duration back = videoBackAfterMove(app);
                LoggerFactory.getLogger(SfuCallIT.class).info("pictures from both others {} ms after moved-to-sfu",
                        back.toMillis());
                assertTrue(back.compareTo(VIDEO_BACK_WITHIN) < 0, "pictures back only after " + back);
                // Sent once, received from both others: the publisher's frames and the subscription's keep rising.
                app.await("sfu-stats", json -> json.get("framesSent").getAsLong() > 30
                        && json.get("framesDecoded").getAsLong() > 60 && json.get("bytesSent").getAsLong() > 0, TIMEOUT);
            }
            for (int i = 0; i < apps.size(); i++) {
                awaitEachOtherPerson(apps.get(i), List.of("Ann", "Bob", "Cy").get(i));
            }

            long killed = System.nanoTime();
            int port = janus.port();
            janus.kill();
            for (AppProcess app : apps) {
                app.await("media-server-lost", TIMEOUT);
                Duration told = Duration.ofNanos(System.nanoTime() - killed);
                assertTrue(told.compareTo(TOLD_WITHIN) < 0, "told after " + told);
            }
            janus.close();
            janus = Janus.start(DEPLOYMENT, work, KEY, port);
            for (AppProcess app : apps) {
                app.await("media-server-back", TIMEOUT);
            }
            for (AppProcess app : apps) {
                awaitPicturesAfter(app, "media-server-back");
            }
            for (int i = 0; i < apps.size(); i++) {
                awaitEachOtherPerson(apps.get(i), List.of("Ann", "Bob", "Cy").get(i));
            }
            for (AppProcess app : apps) {
                assertEquals(0, AppEventsSoFar.of(app, "ended").size(), "the call went on: " + app.logTail());
            }
        } finally {
            apps.forEach(AppProcess::close);
            janus.close();
        }
    }

    /**
     * Waits until the app's {@code stats} lines list both other people by name with frames decoded from each
     * rising, and checks the line's counters are the connections' of that round: what was sent once to Janus, not
     * once per person, and what the subscription received from everyone.
     */
    private static void awaitEachOtherPerson(AppProcess app, String own) throws InterruptedException {
        List<String> others = new ArrayList<>(List.of("Ann", "Bob", "Cy"));
        others.remove(own);
        JsonObject stats = PeopleStats.awaitRisingFrom(app, others, TIMEOUT);
        JsonObject sfu = PeopleStats.sameRoundSfuStats(app, stats);
        for (String counter : List.of("framesSent", "bytesSent", "framesDecoded", "bytesReceived")) {
            assertEquals(sfu.get(counter).getAsLong(), stats.get(counter).getAsLong(), counter + ": " + stats + " " + sfu);
        }
        long fromEach = PeopleStats.decodedByName(stats).values().stream().mapToLong(Long::longValue).sum();
        assertTrue(fromEach <= stats.get("framesDecoded").getAsLong(), "each person's frames are theirs: " + stats);
        assertTrue(stats.has("screenFramesSent") && stats.has("remoteScreenFramesDecoded"), stats.toString());
        Set<String> pictured = picturesAfter(app.eventsSoFar(), "moved-to-sfu");
        stats.getAsJsonArray("peers").forEach(person -> assertTrue(pictured.contains(person.getAsJsonObject()
                .get("peer").getAsString()), "named by the member ids their pictures came with " + pictured + ": " + stats));
    }

    /** Waits until the app reported a first picture from both other members after its last {@code marker} event. */
    private static void awaitPicturesAfter(AppProcess app, String marker) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        Set<String> from = Set.of();
        while (from.size() < 2) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("pictures after '" + marker + "' only from " + from + "\n" + app.logTail());
            }
            Thread.sleep(100);
            from = picturesAfter(app.eventsSoFar(), marker);
        }
    }

    /** From the app's move to Janus to the first picture from the last of the others after it, as the test read them. */
    private static Duration videoBackAfterMove(AppProcess app) {
        List<JsonObject> events = app.eventsSoFar();
        int move = 0;
        for (int i = 0; i < events.size(); i++) {
            if ("moved-to-sfu".equals(events.get(i).get("event").getAsString())) {
                move = i;
            }
        }
        long last = app.readAtNanos(events.get(move));
        Set<String> from = new HashSet<>();
        for (JsonObject event : events.subList(move, events.size())) {
            if ("first-remote-video".equals(event.get("event").getAsString()) && event.get("width").getAsInt() > 0
                    && from.add(event.get("peer").getAsString())) {
                last = app.readAtNanos(event);
            }
        }
        return Duration.ofNanos(last - app.readAtNanos(events.get(move)));
    }

    /** The members whose first picture came after the last {@code marker} event. */
    static Set<String> picturesAfter(List<JsonObject> events, String marker) {
        int start = 0;
        for (int i = 0; i < events.size(); i++) {
            if (marker.equals(events.get(i).get("event").getAsString())) {
                start = i;
            }
        }
        Set<String> from = new HashSet<>();
        for (JsonObject event : events.subList(start, events.size())) {
            if ("first-remote-video".equals(event.get("event").getAsString()) && event.get("width").getAsInt() > 0) {
                from.add(event.get("peer").getAsString());
            }
        }
        return from;
    }
}
