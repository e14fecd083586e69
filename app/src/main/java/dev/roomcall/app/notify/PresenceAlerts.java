package dev.roomcall.app.notify;

import dev.roomcall.app.call.CallEvent;
import dev.roomcall.app.i18n.I18n;
import java.util.function.BooleanSupplier;

/**
 * Tells the person that the other person arrived or left while they look elsewhere: the chime, the window asking
 * for attention, and a desktop notification whose click brings the call forward. What to do is
 * {@link ArrivalNotifier}'s decision; this class only carries it out. Called on one thread (the UI's).
 */
public final class PresenceAlerts {

    static final String BUNDLE = "dev.roomcall.app.notify.notify";

    /** The window, as far as alerts need it. */
    public interface Window {
        boolean focused();

        /** Asks the desktop to raise and focus the window (the desktop may only flash it in the taskbar). */
        void bringForward();
    }

    private final ArrivalNotifier notifier = new ArrivalNotifier();
    private final String room;
    private final Window window;
    private final DesktopNotifications notifications;
    private final Chime chime;

    public PresenceAlerts(String room, Window window, DesktopNotifications notifications, Chime chime) {
        this.room = room;
        this.window = window;
        this.notifications = notifications;
        this.chime = chime;
    }

    /** Reacts to the call events that mean someone arrived or left; others are ignored. */
    public void accept(CallEvent event) {
        if (event instanceof CallEvent.PeerJoined) {
            arrived("", null);
        } else if (event instanceof CallEvent.PeerLeft) {
            left("", null);
        }
    }

    /**
     * {@code who} (any key that tells people apart) came in while this side was here.
     *
     * @param name what to call them in the notification; null for "the other person" of a two-person call
     */
    public void arrived(String who, String name) {
        react(ArrivalNotifier.Change.ARRIVED, who, name);
    }

    /** {@code who} was in the room before this side came: nothing to say now, but their leaving is news. */
    public void wasThere(String who) {
        notifier.wasThere(who);
    }

    /** {@code who} left; {@code name} as for {@link #arrived}. */
    public void left(String who, String name) {
        react(ArrivalNotifier.Change.LEFT, who, name);
    }

    private void react(ArrivalNotifier.Change change, String who, String name) {
        ArrivalNotifier.Reaction reaction = notifier.on(change, who, window.focused());
        boolean arrived = change == ArrivalNotifier.Change.ARRIVED;
        if (reaction.chime()) {
            chime.play(arrived ? Chime.Kind.ARRIVED : Chime.Kind.LEFT);
        }
        if (reaction.notification()) {
            String key = arrived ? "arrived" : "left";
            if (name == null) {
                notifications.show(I18n.text(BUNDLE, key + ".summary"), I18n.text(BUNDLE, key + ".body", room),
                        window::bringForward);
            } else {
                notifications.show(I18n.text(BUNDLE, key + ".named.summary", name),
                        I18n.text(BUNDLE, key + ".named.body", name, room), window::bringForward);
            }
        }
        if (reaction.attention()) {
            window.bringForward();
        }
    }
}
