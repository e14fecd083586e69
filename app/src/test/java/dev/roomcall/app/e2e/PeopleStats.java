package dev.roomcall.app.e2e;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The headless {@code stats} lines as a test reads them: whom each lists ({@code peers}, by name) and how many frames
 * were decoded from each, and the {@code sfu-stats} line printed in the same round.
 */
final class PeopleStats {

    private PeopleStats() {}

    /** Frames decoded from each person a {@code stats} line lists, by name. */
    static Map<String, Long> decodedByName(JsonObject stats) {
        Map<String, Long> decoded = new LinkedHashMap<>();
        for (JsonElement person : stats.getAsJsonArray("peers")) {
            JsonObject p = person.getAsJsonObject();
            decoded.put(p.get("name").getAsString(), p.get("framesDecoded").getAsLong());
        }
        return decoded;
    }

    /**
     * Waits for a {@code stats} line printed from now on that lists exactly {@code names}, with frames from each,
     * and then for a later one with more frames from every one of them; returns the later one.
     */
    static JsonObject awaitRisingFrom(AppProcess app, Collection<String> names, Duration timeout)
            throws InterruptedException {
        Set<JsonObject> before = AppEventsSoFar.of(app, "stats");
        JsonObject first = app.await("stats", json -> !before.contains(json)
                && decodedByName(json).keySet().equals(Set.copyOf(names))
                && decodedByName(json).values().stream().allMatch(frames -> frames > 0), timeout);
        Map<String, Long> then = decodedByName(first);
        Set<JsonObject> seen = AppEventsSoFar.of(app, "stats");
        return app.await("stats", json -> !seen.contains(json)
                && decodedByName(json).keySet().equals(then.keySet())
                && then.entrySet().stream().allMatch(e -> decodedByName(json).get(e.getKey()) > e.getValue()), timeout);
    }

    /** The {@code sfu-stats} line of the same round as {@code stats}: the one printed just before it. */
    static JsonObject sameRoundSfuStats(AppProcess app, JsonObject stats) {
        List<JsonObject> events = app.eventsSoFar();
        for (int i = 1; i < events.size(); i++) {
            if (events.get(i) == stats) {
                JsonObject before = events.get(i - 1);
                if ("sfu-stats".equals(before.get("event").getAsString())) {
                    return before;
                }
                throw new AssertionError("no sfu-stats just before " + stats + ": " + before);
            }
        }
        throw new AssertionError("not printed: " + stats);
    }
}
