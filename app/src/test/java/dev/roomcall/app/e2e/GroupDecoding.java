package dev.roomcall.app.e2e;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Waits until a member of a group call decodes video and audio from exactly the people named: a page through
 * {@code window.roomcall.stats().peers}, the app through its headless {@code stats} lines' {@code peers}. Each wait
 * returns the frame counts by name, so the next can ask for more than that from each ("keeps decoding").
 */
final class GroupDecoding {

    static final Duration TIMEOUT = Duration.ofSeconds(150);
    static final long FRAMES = 15;
    private static final String PEERS_SCRIPT = """
            const done = arguments[arguments.length - 1];
            if (!window.roomcall) { done([]); return; }
            window.roomcall.stats().then((s) => done(s.peers), () => done([]));
            """;

    private GroupDecoding() {}

    /** The page decodes at least FRAMES more frames than {@code before} from each of {@code names}, and their sound. */
    @SuppressWarnings("unchecked")
    static Map<String, Long> page(BrowserPeer page, Set<String> names, Map<String, Long> before) {
        Instant deadline = Instant.now().plus(TIMEOUT);
        List<Map<String, Object>> peers = List.of();
        while (Instant.now().isBefore(deadline)) {
            peers = (List<Map<String, Object>>) page.driver().executeAsyncScript(PEERS_SCRIPT);
            Map<String, Long> frames = new HashMap<>();
            Map<String, Long> audio = new HashMap<>();
            for (Map<String, Object> peer : peers) {
                frames.put(String.valueOf(peer.get("name")), ((Number) peer.get("framesDecoded")).longValue());
                audio.put(String.valueOf(peer.get("name")), ((Number) peer.get("audioBytesReceived")).longValue());
            }
            if (enough(frames, audio, names, before)) {
                return frames;
            }
            sleep();
        }
        throw new AssertionError(page.name() + " did not decode " + FRAMES + " more frames (and sound) from each of "
                + names + " within " + TIMEOUT + "; last peers " + peers + "; console " + page.consoleLog());
    }

    /** The app's newest stats line shows at least FRAMES more frames than {@code before} from each, and sound. */
    static Map<String, Long> app(AppProcess app, Set<String> names, Map<String, Long> before)
            throws InterruptedException {
        JsonObject line = app.await("stats", json -> {
            Map<String, Long> frames = new HashMap<>();
            Map<String, Long> audio = new HashMap<>();
            read(json, frames, audio);
            return enough(frames, audio, names, before);
        }, TIMEOUT);
        Map<String, Long> frames = new HashMap<>();
        read(line, frames, new HashMap<>());
        return frames;
    }

    private static void read(JsonObject stats, Map<String, Long> frames, Map<String, Long> audio) {
        if (!stats.has("peers")) {
            return;
        }
        for (JsonElement element : stats.getAsJsonArray("peers")) {
            JsonObject peer = element.getAsJsonObject();
            String name = peer.get("name").getAsString();
            frames.put(name, peer.get("framesDecoded").getAsLong());
            audio.put(name, peer.get("audioBytesReceived").getAsLong());
        }
    }

    private static boolean enough(Map<String, Long> frames, Map<String, Long> audio, Set<String> names,
                                  Map<String, Long> before) {
        return frames.keySet().equals(names) && names.stream().allMatch(n ->
                frames.get(n) >= before.getOrDefault(n, 0L) + FRAMES && audio.get(n) > 0);
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
