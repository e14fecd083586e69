package dev.roomcall.app.notify;

import java.util.Map;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.messages.DBusSignal;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;

/**
 * The part of the freedesktop.org Desktop Notifications Specification (1.2) Roomcall uses: {@code Notify} and the
 * {@code ActionInvoked} signal sent when the person clicks a notification.
 */
@DBusInterfaceName(FdoNotifications.NAME)
public interface FdoNotifications extends DBusInterface {

    String NAME = "org.freedesktop.Notifications";
    String PATH = "/org/freedesktop/Notifications";
    /** The action a click on the notification's body invokes. */
    String DEFAULT_ACTION = "default";

    @SuppressWarnings("checkstyle:MethodName")
    UInt32 Notify(String appName, UInt32 replacesId, String appIcon, String summary, String body, String[] actions,
                  Map<String, Variant<?>> hints, int expireTimeout);

    /** The person invoked {@code actionKey} of notification {@code id}. */
    final class ActionInvoked extends DBusSignal {
        private final UInt32 id;
        private final String actionKey;

        public ActionInvoked(String path, UInt32 id, String actionKey) throws DBusException {
            super(path, id, actionKey);
            this.id = id;
            this.actionKey = actionKey;
        }

        public UInt32 id() {
            return id;
        }

        public String actionKey() {
            return actionKey;
        }
    }
}
