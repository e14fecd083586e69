package dev.roomcall.app.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.roomcall.server.ServerConfig;
import dev.roomcall.server.SignalingServer;
import dev.roomcall.signaling.RoomCode;
import dev.roomcall.testkit.ChromiumOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * A group call of Roomcall pages on the standalone server's default room of four: a mesh in which every page
 * decodes video from every other, names on the tiles, chat to everyone, a fifth person turned away while the four
 * go on, and one who leaves and comes back. Small windows: the machine has two cores for up to five browsers.
 */
class GroupPageIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final long FRAMES = 15;
    private static final ChromiumOptions SMALL = ChromiumOptions.defaults().withWindowSize(480, 360);
    private static final String PEERS_SCRIPT = """
            const done = arguments[arguments.length - 1];
            if (!window.roomcall) { done([]); return; }
            window.roomcall.stats().then((s) => done(s.peers), () => done([]));
            """;

    @Test
    void threeThenFourPagesEachDecodeEveryOtherAFifthIsRefusedAndOneLeavesAndRejoins() throws Exception {
        String room = RoomCode.newRoomName();
        try (SignalingServer server = SignalingServer.start(ServerConfig.builder().host("127.0.0.1").port(0).build())) {
            String base = server.httpUri().toString();
            try (BrowserPeer ann = open("group-ann", base, "Ann", room);
                    BrowserPeer bea = open("group-bea", base, "Bea", room);
                    BrowserPeer cy = open("group-cy", base, "Cy", room)) {
                Map<String, Long> annSees = awaitDecodingFrom(ann, Set.of("Bea", "Cy"), Map.of());
                awaitDecodingFrom(bea, Set.of("Ann", "Cy"), Map.of());
                awaitDecodingFrom(cy, Set.of("Ann", "Bea"), Map.of());
                assertEquals("2", ann.execute("return document.getElementById('grid').dataset.count;"), "2-up");
                assertEquals(List.of("Bea", "Cy"), tileNames(ann));

                try (BrowserPeer dee = open("group-dee", base, "Dee", room)) {
                    awaitDecodingFrom(dee, Set.of("Ann", "Bea", "Cy"), Map.of());
                    annSees = awaitDecodingFrom(ann, Set.of("Bea", "Cy", "Dee"), annSees);
                    awaitDecodingFrom(bea, Set.of("Ann", "Cy", "Dee"), Map.of());
                    Map<String, Long> cySees = awaitDecodingFrom(cy, Set.of("Ann", "Bea", "Dee"), Map.of());
                    assertEquals("3", ann.execute("return document.getElementById('grid').dataset.count;"), "2x2");

                    ann.awaitTrue("return window.roomcall.chatOpen();", TIMEOUT);
                    assertEquals(true, ann.execute("return window.roomcall.sendChat('hello everyone');"));
                    for (BrowserPeer other : List.of(bea, cy, dee)) {
                        other.awaitTrue("return window.roomcall.chatLines().some((l) => l.from === 'peer'"
                                + " && l.name === 'Ann' && l.text === 'hello everyone');", TIMEOUT);
                    }
                    ann.awaitTrue("return window.roomcall.peers().some((p) => p.speaking);", TIMEOUT);

                    try (BrowserPeer fifth = open("group-fifth", base, "Eve", room)) {
                        fifth.awaitState("room-full", TIMEOUT);
                        assertEquals("This room is full",
                                fifth.execute("return document.getElementById('status').textContent;"));
                    }
                    annSees = awaitDecodingFrom(ann, Set.of("Bea", "Cy", "Dee"), annSees);
                    cySees = awaitDecodingFrom(cy, Set.of("Ann", "Bea", "Dee"), cySees);

                    bea.close();
                    annSees = awaitDecodingFrom(ann, Set.of("Cy", "Dee"), annSees);
                    cySees = awaitDecodingFrom(cy, Set.of("Ann", "Dee"), cySees);
                    assertEquals(List.of("Cy", "Dee"), tileNames(ann), "the leaver's tile is gone");

                    try (BrowserPeer beaAgain = open("group-bea-again", base, "Bea", room)) {
                        awaitDecodingFrom(beaAgain, Set.of("Ann", "Cy", "Dee"), Map.of());
                        awaitDecodingFrom(ann, Set.of("Bea", "Cy", "Dee"), annSees);
                        awaitDecodingFrom(cy, Set.of("Ann", "Bea", "Dee"), cySees);
                        awaitDecodingFrom(dee, Set.of("Ann", "Bea", "Cy"), Map.of());
                    }
                }
            }
        }
    }

    private static BrowserPeer open(String name, String base, String person, String room) {
        return BrowserPeer.open(name, base + "?name=" + person + "#" + room, SMALL);
    }

    /**
     * Waits until {@code page} has exactly {@code names} as its other people and has decoded at least FRAMES more
     * frames from each than {@code before} says; returns the frame counts then, by name.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Long> awaitDecodingFrom(BrowserPeer page, Set<String> names, Map<String, Long> before) {
        Instant deadline = Instant.now().plus(TIMEOUT);
        List<Map<String, Object>> peers = List.of();
        while (Instant.now().isBefore(deadline)) {
            peers = (List<Map<String, Object>>) page.driver().executeAsyncScript(PEERS_SCRIPT);
            Map<String, Long> frames = new HashMap<>();
            for (Map<String, Object> peer : peers) {
                frames.put(String.valueOf(peer.get("name")), ((Number) peer.get("framesDecoded")).longValue());
            }
            boolean all = frames.keySet().equals(names) && names.stream()
                    .allMatch(n -> frames.get(n) >= before.getOrDefault(n, 0L) + FRAMES);
            if (all) {
                return frames;
            }
            sleep();
        }
        throw new AssertionError(page.name() + " did not decode " + FRAMES + " more frames from each of " + names
                + " within " + TIMEOUT + "; last peers " + peers + "; console " + page.consoleLog());
    }

    @SuppressWarnings("unchecked")
    private static List<String> tileNames(BrowserPeer page) {
        List<Object> names = (List<Object>) page.execute("return [...document.querySelectorAll('#grid .tile:not([hidden])"
                + " .tile-name')].map((e) => e.textContent);");
        List<String> result = new ArrayList<>();
        names.forEach(n -> result.add(String.valueOf(n)));
        return new ArrayList<>(new TreeSet<>(result));
    }

    private static void sleep() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
