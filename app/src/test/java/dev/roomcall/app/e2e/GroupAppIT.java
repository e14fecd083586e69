package dev.roomcall.app.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.roomcall.server.ServerConfig;
import dev.roomcall.server.SignalingServer;
import dev.roomcall.signaling.RoomCode;
import dev.roomcall.testkit.ChromiumOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The app (headless) in a group call with Roomcall pages on the server's default room of four: it joins after one
 * page and before another, so it both offers and answers; each of the three decodes video and audio from both
 * others; a fourth joins and everyone decodes three; a fifth is turned away while the four go on; one leaves and
 * comes back while the others keep decoding. Small browser windows: two cores for the app and four browsers.
 */
class GroupAppIT {

    private static final Duration TIMEOUT = GroupDecoding.TIMEOUT;
    private static final ChromiumOptions SMALL = ChromiumOptions.defaults().withWindowSize(480, 360);

    @Test
    void theAppSeesAndIsSeenByEveryoneAsPeopleComeGoAndComeBack() throws Exception {
        String room = RoomCode.newRoomName();
        try (SignalingServer server = SignalingServer.start(ServerConfig.builder().host("127.0.0.1").port(0).build())) {
            String base = server.httpUri().toString();
            try (BrowserPeer ann = open("group-app-ann", base, "Ann", room);
                    AppProcess app = AppProcess.start("group-app", "--fake-media", "--name", "  Mia  ",
                            "--server", server.uri().toString(), "--room", room)) {
                JsonObject joined = app.await("joined", TIMEOUT);
                assertEquals("Ann", joined.getAsJsonArray("members").get(0).getAsJsonObject().get("name").getAsString(),
                        "the app hears who is there: " + joined);
                String appName = "Mia"; // trimmed, as every name is
                try (BrowserPeer bea = open("group-app-bea", base, "Bea", room)) {
                    JsonObject beaJoined = app.await("peer-joined", TIMEOUT);
                    assertTrue(beaJoined.has("peer") && beaJoined.has("name"), beaJoined.toString());
                    // (a) the app and two pages: each decodes video and audio from both others.
                    Map<String, Long> appSees = GroupDecoding.app(app, Set.of("Ann", "Bea"), Map.of());
                    Map<String, Long> annSees = GroupDecoding.page(ann, Set.of(appName, "Bea"), Map.of());
                    GroupDecoding.page(bea, Set.of(appName, "Ann"), Map.of());
                    assertFirstVideoFromEach(app, 2);

                    // (b) a fourth: everyone decodes three; a fifth is told the room is full and the four go on.
                    try (BrowserPeer cy = open("group-app-cy", base, "Cy", room)) {
                        appSees = GroupDecoding.app(app, Set.of("Ann", "Bea", "Cy"), appSees);
                        annSees = GroupDecoding.page(ann, Set.of(appName, "Bea", "Cy"), annSees);
                        Map<String, Long> beaSees = GroupDecoding.page(bea, Set.of(appName, "Ann", "Cy"), Map.of());
                        Map<String, Long> cySees = GroupDecoding.page(cy, Set.of(appName, "Ann", "Bea"), Map.of());
                        try (BrowserPeer fifth = open("group-app-fifth", base, "Eve", room)) {
                            fifth.awaitState("room-full", TIMEOUT);
                        }
                        appSees = GroupDecoding.app(app, Set.of("Ann", "Bea", "Cy"), appSees);
                        annSees = GroupDecoding.page(ann, Set.of(appName, "Bea", "Cy"), annSees);
                        GroupDecoding.page(bea, Set.of(appName, "Ann", "Cy"), beaSees);
                        cySees = GroupDecoding.page(cy, Set.of(appName, "Ann", "Bea"), cySees);

                        // (c) Bea leaves: the app says who, and the others keep decoding each other.
                        bea.close();
                        JsonObject left = app.await("peer-left", json -> json.has("name")
                                && "Bea".equals(json.get("name").getAsString()), TIMEOUT);
                        assertTrue(left.get("peer").getAsString().matches("m[0-9a-f]{16}"),
                                "the member id of her page's member token: " + left);
                        appSees = GroupDecoding.app(app, Set.of("Ann", "Cy"), appSees);
                        annSees = GroupDecoding.page(ann, Set.of(appName, "Cy"), annSees);
                        cySees = GroupDecoding.page(cy, Set.of(appName, "Ann"), cySees);

                        // ... and comes back: she sees everyone again, and everyone her.
                        try (BrowserPeer beaAgain = open("group-app-bea-again", base, "Bea", room)) {
                            GroupDecoding.page(beaAgain, Set.of(appName, "Ann", "Cy"), Map.of());
                            GroupDecoding.app(app, Set.of("Ann", "Bea", "Cy"), appSees);
                            GroupDecoding.page(ann, Set.of(appName, "Bea", "Cy"), annSees);
                            GroupDecoding.page(cy, Set.of(appName, "Ann", "Bea"), cySees);
                        }
                    }
                }
                assertEquals(0, AppEventsSoFar.of(app, "ended").size(), "the call went on throughout");
                assertEquals(0, app.terminate(Duration.ofSeconds(15)));
                assertEquals(List.of(), app.nonEventLines(), "stdout carries only JSON event lines");
            }
        }
    }

    private static void assertFirstVideoFromEach(AppProcess app, int people) throws InterruptedException {
        Set<String> from = new java.util.HashSet<>();
        for (JsonObject video : AppEventsSoFar.of(app, "first-remote-video")) {
            assertTrue(video.get("width").getAsInt() > 0, video.toString());
            from.add(video.get("peer").getAsString());
        }
        assertEquals(people, from.size(), "a first picture from each person: " + from);
    }

    private static BrowserPeer open(String name, String base, String person, String room) {
        return BrowserPeer.open(name, base + "?name=" + person + "#" + room, SMALL);
    }
}
