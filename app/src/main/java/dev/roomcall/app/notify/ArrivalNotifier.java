package dev.roomcall.app.notify;

/**
 * Decides how Roomcall reacts when someone arrives or leaves: a chime every time, and, only while the window is
 * not focused, a desktop notification and a request for attention. Repeated news of the same arrival (a rejoin
 * without a leave in between, a reconnect) changes nothing, so there is never more than one notification per
 * arrival. Each person counts on their own (keyed by who they are); someone who was already there when this side
 * came is only noted, so that their leaving is news.
 */
public final class ArrivalNotifier {

    /** What happened to the other person. */
    public enum Change { ARRIVED, LEFT }

    /** What to do about it. */
    public record Reaction(boolean chime, boolean notification, boolean attention) {
        public static final Reaction NONE = new Reaction(false, false, false);
    }

    private final java.util.Set<String> present = new java.util.HashSet<>();

    /** The reaction to the one other person's {@code change} while the window is (or is not) focused. */
    public Reaction on(Change change, boolean windowFocused) {
        return on(change, "", windowFocused);
    }

    /** The reaction to {@code who}'s {@code change} while the window is (or is not) focused. */
    public Reaction on(Change change, String who, boolean windowFocused) {
        boolean changed = change == Change.ARRIVED ? present.add(who) : present.remove(who);
        return changed ? new Reaction(true, !windowFocused, !windowFocused) : Reaction.NONE;
    }

    /** {@code who} was in the room before this side came: no news now, but their leaving will be. */
    public void wasThere(String who) {
        present.add(who);
    }
}
