package dev.roomcall.app.notify;

/**
 * Decides how Roomcall reacts when the other person arrives or leaves: a chime every time, and, only while the
 * window is not focused, a desktop notification and a request for attention. Repeated news of the same arrival
 * (a rejoin without a leave in between, a reconnect) changes nothing, so there is never more than one
 * notification per arrival.
 */
public final class ArrivalNotifier {

    /** What happened to the other person. */
    public enum Change { ARRIVED, LEFT }

    /** What to do about it. */
    public record Reaction(boolean chime, boolean notification, boolean attention) {
        public static final Reaction NONE = new Reaction(false, false, false);
    }

    private boolean present;

    /** The reaction to {@code change} while the window is (or is not) focused. */
    public Reaction on(Change change, boolean windowFocused) {
        boolean nowPresent = change == Change.ARRIVED;
        if (nowPresent == present) {
            return Reaction.NONE;
        }
        present = nowPresent;
        return new Reaction(true, !windowFocused, !windowFocused);
    }
}
