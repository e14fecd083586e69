package dev.roomcall.app.e2e;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Which events of one name an {@link AppProcess} has printed so far. AppProcess only offers waiting for an
 * event; a test that must tell a later call's events from an earlier call's (the stats of a second peer
 * session, say) takes this snapshot and then waits for an event that is not in it.
 */
final class AppEventsSoFar {

    private AppEventsSoFar() {}

    /** The {@code event} objects printed until now, by identity (AppProcess hands out the very objects it keeps). */
    static Set<JsonObject> of(AppProcess app, String event) throws InterruptedException {
        Set<JsonObject> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        try {
            // A predicate that is never satisfied visits every event of that name once, then the wait runs out.
            app.await(event, json -> {
                seen.add(json);
                return false;
            }, Duration.ofMillis(1));
        } catch (AssertionError expected) {
            // Nothing matched, which was the point: the predicate has seen them all.
        }
        return seen;
    }
}
